using System.Diagnostics;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Engine.Kernel;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// Runs a notebook in the real .NET Interactive kernel: one <c>dotnet interactive stdio</c> process per notebook,
/// started in the notebook's folder, one SubmitCode per code cell to the cell's kernel (csharp, fsharp, html,
/// mermaid, … from the cell's metadata), outputs stored as VS Code Polyglot stores them. Markdown cells are not
/// run. Returns an executed copy; the source notebook is never written here.
/// <para>
/// A cell past its time limit is cancelled (its kernel killed when it does not stop) and the rest of the notebook
/// skipped. A kernel that dies fails the cell that was running with a message naming the exit code; nothing after
/// it runs, and the outputs before it are kept.
/// </para>
/// </summary>
public sealed class NotebookExecutor(ExecutionSettings settings, Action<string>? log = null)
{
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, IProgress<CellProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var executed = notebook.Clone();
        var codeCells = executed.Cells.Where(c => c.IsCode).ToList();
        var folder = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(notebook.Path) ? "notebook.ipynb" : notebook.Path))!;
        var runs = new List<CellRun>();
        KernelProcess? kernel = null;
        string? stopReason = null;
        var executionCount = 0;
        try
        {
            foreach (var (cell, number) in codeCells.Select((c, i) => (c, i + 1)))
            {
                CellRun run;
                if (stopReason is not null)
                {
                    cell.SetOutputs([]);
                    cell.ExecutionCount = null;
                    run = new CellRun(cell.Index, number, CellRunStatus.Skipped, TimeSpan.Zero, stopReason);
                }
                else
                {
                    CellResult result;
                    try
                    {
                        kernel ??= await StartKernelAsync(folder, cancellationToken).ConfigureAwait(false);
                        result = await RunCellAsync(kernel, cell, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is KernelExitedException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
                    {
                        var collector = new CellOutputCollector();
                        collector.AddError(e.Message);
                        result = new CellResult(CellStatus.KernelExited, collector.Outputs, TimeSpan.Zero);
                    }

                    cell.SetOutputs(result.Outputs);
                    cell.ExecutionCount = ++executionCount;
                    run = Judge(cell, number, result);
                    stopReason = result.Status switch
                    {
                        CellStatus.TimedOut => $"skipped: cell {number} timed out",
                        CellStatus.KernelExited => $"skipped: the kernel exited during cell {number}",
                        _ when run.IsFailure && !settings.ContinueOnError => $"skipped: cell {number} failed",
                        _ => null,
                    };
                }

                runs.Add(run);
                progress?.Report(new CellProgress(notebook.Path, codeCells.Count, run));
            }
        }
        finally
        {
            if (kernel is not null)
            {
                await kernel.DisposeAsync().ConfigureAwait(false);
            }
        }

        return new NotebookRunResult(executed, runs, started.Elapsed);
    }

    private async Task<KernelProcess> StartKernelAsync(string folder, CancellationToken cancellationToken)
    {
        var tool = KernelTool.Locate(folder);
        await tool.EnsureRestoredAsync(log, cancellationToken).ConfigureAwait(false);
        return await KernelProcess.StartAsync(tool, folder, settings.KernelStartTimeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CellResult> RunCellAsync(KernelProcess kernel, NotebookCell cell, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var collector = new CellOutputCollector();
        var outcome = await kernel.SubmitAsync(cell.Source, cell.Kernel, settings.CellTimeout, collector.Add, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case SubmissionOutcome.TimedOut:
                collector.AddError($"The cell ran past its time limit of {settings.CellTimeout.TotalSeconds:0.###} s and was stopped.");
                break;
            case SubmissionOutcome.KernelExited:
                await kernel.WaitForExitAsync().ConfigureAwait(false);
                collector.AddError(kernel.ExitDescription());
                break;
        }

        var status = outcome switch
        {
            SubmissionOutcome.Succeeded => CellStatus.Ok,
            SubmissionOutcome.Failed => CellStatus.Failed,
            SubmissionOutcome.TimedOut => CellStatus.TimedOut,
            _ => CellStatus.KernelExited,
        };
        return new CellResult(status, collector.Outputs, clock.Elapsed);
    }

    private static CellRun Judge(NotebookCell cell, int number, CellResult result)
    {
        var seconds = result.Duration;
        return (result.Status, cell.RaisesException) switch
        {
            (CellStatus.TimedOut, _) => new CellRun(cell.Index, number, CellRunStatus.TimedOut, seconds, result.ErrorText),
            (CellStatus.KernelExited, _) => new CellRun(cell.Index, number, CellRunStatus.Failed, seconds, result.ErrorText),
            (CellStatus.Failed, true) => new CellRun(cell.Index, number, CellRunStatus.ExpectedError, seconds, "failed as expected (raises-exception)"),
            (CellStatus.Failed, false) => new CellRun(cell.Index, number, CellRunStatus.Failed, seconds, result.ErrorText),
            (CellStatus.Ok, true) => new CellRun(cell.Index, number, CellRunStatus.Failed, seconds, "expected an exception (the cell is tagged raises-exception) but it ran without error"),
            _ => new CellRun(cell.Index, number, CellRunStatus.Passed, seconds, ""),
        };
    }
}
