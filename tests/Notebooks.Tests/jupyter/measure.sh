#!/usr/bin/env bash
# Times three ways of executing the chapter notebooks (notebooks/5.*.ipynb), in one sitting, on this machine:
#   repl               dotnet-repl --run NB --exit-after-run: one process per notebook, all in parallel
#   nbconvert          jupyter nbconvert --to notebook --execute with the .net-csharp kernel: one process, the
#                      notebooks in turn (what nbconvert does with a list)
#   nbconvert-parallel one nbconvert per notebook, all in parallel; with a kernelspec whose HTTP API is on TCP
#                      (`--http-port-range` in its argv), each kernel gets its own range through a copy of the
#                      kernelspec, since .NET kernels started together race for one port; the shipped POSIX
#                      kernelspec puts the API on a unix socket of its own, so its copies are left as they are
#   runner             dotnet run --project lib/NotebookRunner -- run (built first, timed with --no-build)
# Compare ratios from one sitting, not numbers from different days: the machine is shared.
#
#   tests/Notebooks.Tests/jupyter/measure.sh [METHOD...]     (default: all four)
#   RUNS=3 WARMUP=1 (defaults) set hyperfine's runs and warm-up runs; without hyperfine, plain timings.
#
# Needs: dotnet tool restore, the .net-csharp kernelspec (notebooks/README.md), Debian's jupyter-nbconvert (apt-get install -y
# jupyter-nbconvert hyperfine). Executed copies go to artifacts/measure/METHOD/; results to artifacts/measure/.
# Failing cells do not stop the timing (the cells tagged raises-exception fail on purpose); the error outputs of each
# method's executed copies are counted at the end, so a fast run that failed early shows.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
runs=${RUNS:-3}
warmup=${WARMUP:-1}
out="$root/artifacts/measure"
methods=("$@")
[ ${#methods[@]} -gt 0 ] || methods=(repl nbconvert nbconvert-parallel runner)
mapfile -t notebooks < <(cd notebooks && ls 5.*.ipynb | sort)
python=/usr/bin/python3
[ -x "$python" ] || python=python3

rm -rf "$out" && mkdir -p "$out"
dotnet tool restore >/dev/null
echo "building the runner and, with it, the notebooks' library first (not timed)"
dotnet build lib/NotebookRunner -nologo -v:q >/dev/null

# One kernelspec folder per parallel nbconvert: the installed .net-csharp spec with its own port range.
ports=$(mktemp -d)
trap 'rm -rf "$ports"' EXIT
i=0
for nb in "${notebooks[@]}"; do
  mkdir -p "$ports/$i/kernels/.net-csharp"
  "$python" - "$ports/$i/kernels/.net-csharp/kernel.json" "$i" <<'EOF'
import json, sys
from jupyter_client.kernelspec import KernelSpecManager
spec = KernelSpecManager().get_kernel_spec(".net-csharp").to_dict()
argv, n = spec["argv"], int(sys.argv[2])
low = 2048 + 300 * n
if "--http-port-range" in argv:
    argv[argv.index("--http-port-range") + 1] = f"{low}-{low + 299}"
json.dump(spec, open(sys.argv[1], "w"), indent=1)
EOF
  i=$((i + 1))
done

list=$(printf '%q ' "${notebooks[@]}")
declare -A command
command[repl]="cd notebooks && for nb in $list; do dotnet tool run dotnet-repl -- --run \$nb --exit-after-run --output-path $out/repl/\$nb >$out/repl/\$nb.log 2>&1 & done; wait"
command[nbconvert]="cd notebooks && jupyter nbconvert --to notebook --execute --allow-errors --ExecutePreprocessor.kernel_name=.net-csharp --ExecutePreprocessor.timeout=600 --output-dir $out/nbconvert $list >$out/nbconvert/log 2>&1"
command[nbconvert-parallel]="cd notebooks && i=0; for nb in $list; do JUPYTER_PATH=$ports/\$i jupyter nbconvert --to notebook --execute --allow-errors --ExecutePreprocessor.kernel_name=.net-csharp --ExecutePreprocessor.timeout=600 --output-dir $out/nbconvert-parallel \$nb >$out/nbconvert-parallel/\$nb.log 2>&1 & i=\$((i + 1)); done; wait"
# The same four English notebooks as the others (a plain `run` would also run the editions in notebooks/ko, ja).
command[runner]="dotnet run --no-build --project lib/NotebookRunner -- run $(printf 'notebooks/%q ' "${notebooks[@]}")--out $out/runner >$out/runner/log 2>&1"

for m in "${methods[@]}"; do
  [ -n "${command[$m]:-}" ] || { echo "unknown method $m (repl, nbconvert, nbconvert-parallel, runner)" >&2; exit 2; }
  mkdir -p "$out/$m"
done

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dotnet: $(dotnet --version); kernel: $(cd notebooks && dotnet interactive --version); dotnet-repl: $(dotnet tool run dotnet-repl -- --version 2>/dev/null | tail -1)"
  echo "nbconvert: $(jupyter nbconvert --version 2>/dev/null || echo missing); notebooks: ${notebooks[*]}"
} | tee "$out/sitting.txt"

if command -v hyperfine >/dev/null 2>&1; then
  args=()
  for m in "${methods[@]}"; do args+=(-n "$m" "${command[$m]}"); done
  hyperfine --ignore-failure --warmup "$warmup" --runs "$runs" --export-markdown "$out/results.md" \
    --export-json "$out/results.json" "${args[@]}"
else
  echo "hyperfine not found: one warm-up and $runs timed runs each, median of wall times"
  for m in "${methods[@]}"; do
    bash -c "${command[$m]}" || true
    times=()
    for _ in $(seq "$runs"); do
      start=$(date +%s.%N)
      bash -c "${command[$m]}" || true
      times+=("$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    echo "$m: median ${median} s of ${times[*]}" | tee -a "$out/results.md"
  done
fi

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/sitting.txt"
echo "error outputs in the last run's executed copies (cells tagged raises-exception included):"
for m in "${methods[@]}"; do
  "$python" - "$m" "$out/$m" <<'EOF'
import glob, json, os, sys
counts = []
for path in sorted(glob.glob(os.path.join(sys.argv[2], "*.ipynb"))):
    cells = json.load(open(path))["cells"]
    errors = sum(o.get("output_type") == "error" for c in cells for o in c.get("outputs", []))
    counts.append(f"{os.path.basename(path)} {errors}")
print(f"  {sys.argv[1]}: " + (", ".join(counts) or "no executed copies"))
EOF
done | tee -a "$out/sitting.txt"
