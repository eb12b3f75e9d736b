"""Executes one notebook through Jupyter, as JupyterLab or VS Code's Jupyter extension would, and writes the result.

Used by JupyterTests.cs with Debian's /usr/bin/python3 (python3-nbclient, jupyter-client). nbclient starts the
kernel named by --kernel (default .net-csharp, installed from notebooks/kernelspec as notebooks/README.md says) in the notebook's
own folder, sends every code cell in order and records what the kernel sends back as nbformat outputs
(execute_result, display_data, stream, error). Errors do not stop the run: the caller decides which are allowed.

    execute_notebook.py --probe [--kernel NAME]   exit 0 when nbclient and the kernelspec are there, else 3 and why
    execute_notebook.py --argv [--kernel NAME]    print the kernelspec's command line as JSON
    execute_notebook.py NOTEBOOK OUT [--kernel NAME] [--timeout SECONDS] [--startup-timeout SECONDS]

Exit codes: 0 executed (OUT written), 1 the kernel failed (died, timed out; OUT holds the outputs so far),
3 nbclient or the kernelspec is missing, 2 bad usage.
"""

import argparse
import json
import os
import random
import sys
import time

# A .NET kernel that cannot bind its HTTP port dies right after it has started: two kernels started in the same
# instant both take the first free port of --http-port-range. Jupyter's server restarts a dead kernel; this script
# starts a fresh one, at most this many times, and only while the notebook has no output yet.
START_ATTEMPTS = 3


def missing(kernel):
    """Why this machine cannot execute through Jupyter, or None when it can."""
    try:
        import nbclient  # noqa: F401
        import nbformat  # noqa: F401
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    except ImportError as error:
        return f"{error.name} is not importable by {sys.executable} (apt-get install -y python3-nbclient jupyter-client)"
    try:
        spec = KernelSpecManager().get_kernel_spec(kernel)
    except NoSuchKernel:
        return f"no Jupyter kernelspec named {kernel} (dotnet tool restore, then jupyter kernelspec install --user --name .net-csharp notebooks/kernelspec/posix)"
    return None if spec.argv else f"the kernelspec {kernel} has no argv"


def produced_nothing(notebook):
    return all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook", nargs="?")
    parser.add_argument("out", nargs="?")
    parser.add_argument("--kernel", default=".net-csharp")
    parser.add_argument("--timeout", type=int, default=600, help="per cell, seconds")
    parser.add_argument("--startup-timeout", type=int, default=300, help="kernel start, seconds")
    parser.add_argument("--probe", action="store_true")
    parser.add_argument("--argv", action="store_true")
    args = parser.parse_args()

    reason = missing(args.kernel)
    if args.probe or reason:
        print(reason or "ready")
        return 3 if reason else 0
    if args.argv:
        from jupyter_client.kernelspec import KernelSpecManager
        print(json.dumps(KernelSpecManager().get_kernel_spec(args.kernel).argv))
        return 0
    if not args.notebook or not args.out:
        parser.print_usage(sys.stderr)
        return 2

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    notebook = nbformat.read(args.notebook, as_version=4)
    folder = os.path.dirname(os.path.abspath(args.notebook))
    status = 0
    try:
        for attempt in range(1, START_ATTEMPTS + 1):
            # Stored outputs are cleared first: a cell the kernel never reached must not keep them.
            for cell in notebook.cells:
                if cell.cell_type == "code":
                    cell.outputs = []
                    cell.execution_count = None
            client = NotebookClient(
                notebook,
                kernel_name=args.kernel,
                timeout=args.timeout,
                startup_timeout=args.startup_timeout,
                allow_errors=True,
                record_timing=False,
                # The kernel starts in the notebook's folder, as Jupyter starts it: `#load "build-lib.csx"` and the
                # notebooks' relative #r paths resolve there, and so does the local dotnet tool (the argv is
                # `dotnet interactive jupyter ...`, found through .config/dotnet-tools.json above the folder).
                resources={"metadata": {"path": folder}},
            )
            try:
                client.execute()
                break
            except (DeadKernelError, RuntimeError) as error:
                if attempt == START_ATTEMPTS or not produced_nothing(notebook):
                    raise
                print(f"kernel start {attempt} of {START_ATTEMPTS} failed ({error}); starting a fresh kernel", file=sys.stderr)
                time.sleep(random.uniform(1, 4))
    except (DeadKernelError, CellTimeoutError, RuntimeError) as error:
        print(f"{os.path.basename(args.notebook)}: {type(error).__name__}: {error}", file=sys.stderr)
        status = 1
    finally:
        nbformat.write(notebook, args.out)
    return status

if __name__ == "__main__":
    sys.exit(main())
