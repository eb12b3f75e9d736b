#!/usr/bin/env bash
# One set-up for the notebooks, from a fresh clone: the dev container's post-create command, and the same on a plain
# Debian or Ubuntu machine (run it from anywhere in the clone: bash .devcontainer/setup.sh). In order:
#   1. the .NET 10 SDK: there already (the container's image), or from the distribution's own dotnet-sdk-10.0
#      package when it has one, else the script stops and says where to get it
#   2. Jupyter from apt: jupyter-client (jupyter-kernelspec), python3-nbclient (headless runs), jupyter-notebook
#      (the classic Notebook in a browser) where the distribution has it
#   3. dotnet tool restore: the pinned kernel, microsoft.dotnet-interactive 1.0.712001 (.config/dotnet-tools.json)
#   4. the repository's POSIX kernelspec as Jupyter's .net-csharp kernel (the kernel's HTTP API on a unix socket;
#      it replaces a .net-csharp spec written before by `dotnet interactive jupyter install`)
#   5. the runner and with it the notebooks' library (lib/Backprop.Notebooks), so the first cell finds it up to date
#   6. the NuGet packages the notebooks load with #r "nuget: …", restored once for all of them
#   7. doctor: one line per check; its exit code is this script's
# Safe to run again: every step skips what is done. SETUP_SKIP_APT=1 skips step 2 (no sudo, or Jupyter from pip/conda).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
step() { printf '\n== %s\n' "$*"; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_has() { apt-cache show "$1" >/dev/null 2>&1; }
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { $sudo apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

step "1/7 .NET SDK"
sdk_ok() { command -v dotnet >/dev/null 2>&1 && dotnet --version >/dev/null 2>&1 && [ "$(dotnet --version | cut -d. -f1)" -ge 10 ]; }
if ! sdk_ok && command -v apt-get >/dev/null 2>&1 && apt_has dotnet-sdk-10.0; then
  echo "installing the distribution's dotnet-sdk-10.0"
  apt_install dotnet-sdk-10.0
fi
if ! sdk_ok; then
  echo "The notebooks need the .NET 10 SDK (global.json); this machine has $(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | paste -sd, - | grep . || echo none)." >&2
  echo "Install it (https://learn.microsoft.com/dotnet/core/install/linux), open a new terminal, and run this script again." >&2
  exit 1
fi
echo "dotnet $(dotnet --version)"

step "2/7 Jupyter (apt)"
if [ "${SETUP_SKIP_APT:-}" = 1 ]; then
  echo "skipped (SETUP_SKIP_APT=1)"
elif ! command -v apt-get >/dev/null 2>&1; then
  echo "no apt-get here: install Jupyter your own way (pip install jupyterlab), then run this script with SETUP_SKIP_APT=1"
else
  wanted=()
  command -v jupyter-kernelspec >/dev/null 2>&1 || wanted+=(jupyter-client)
  /usr/bin/python3 -c "import nbclient" >/dev/null 2>&1 || wanted+=(python3-nbclient)
  command -v jupyter-notebook >/dev/null 2>&1 || ! apt_has jupyter-notebook || wanted+=(jupyter-notebook)
  if [ ${#wanted[@]} -gt 0 ]; then
    [ -n "$apt_updated" ] || { $sudo apt-get update -qq; apt_updated=1; }
    available=()
    for package in "${wanted[@]}"; do apt_has "$package" && available+=("$package") || echo "not in this distribution: $package"; done
    echo "installing ${available[*]}"
    [ ${#available[@]} -eq 0 ] || apt_install "${available[@]}"
  else
    echo "already there: jupyter-kernelspec, python3-nbclient$(command -v jupyter-notebook >/dev/null 2>&1 && echo ", jupyter-notebook")"
  fi
fi

step "3/7 the pinned kernel (dotnet tool restore)"
dotnet tool restore

step "4/7 Jupyter's .net-csharp kernel: notebooks/kernelspec/posix"
if command -v jupyter-kernelspec >/dev/null 2>&1; then
  jupyter-kernelspec install --user --name .net-csharp notebooks/kernelspec/posix
else
  echo "skipped: no jupyter-kernelspec (VS Code Polyglot Notebooks and the runner do without it)"
fi

step "5/7 the runner and the notebooks' library"
dotnet build lib/NotebookRunner -nologo -v:q

step "6/7 the notebooks' NuGet packages, once for all of them"
# The #r "nuget: NAME, VERSION" lines of every notebook, restored by one throwaway project into the NuGet packages
# folder the kernel restores into: each notebook's own restore then finds them there instead of downloading.
restore=$(mktemp -d)
trap 'rm -rf "$restore"' EXIT
{
  echo '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup>'
  grep -ho '#r \\"nuget: [^,\\]*, [^\\"]*' notebooks/*.ipynb notebooks/*/*.ipynb 2>/dev/null | sort -u |
    sed -E 's/#r \\"nuget: ([^,]*), (.*)/<PackageReference Include="\1" Version="\2" \/>/'
  echo '</ItemGroup></Project>'
} >"$restore/notebook-packages.csproj"
# Not under the clone: Directory.Build.props and central package versions must not apply to it.
dotnet restore "$restore/notebook-packages.csproj" -nologo -v:q
grep -o 'Include="[^"]*" Version="[^"]*"' "$restore/notebook-packages.csproj" | sed -E 's/Include="([^"]*)" Version="([^"]*)"/  \1 \2/'

step "7/7 doctor"
dotnet run --no-build --project lib/NotebookRunner -- doctor
