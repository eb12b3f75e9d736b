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
    // The first start on a machine compiles and caches a lot.
    private static readonly TimeSpan KernelStartTimeout = TimeSpan.FromSeconds(120);

    public async Task<NotebookRunResult> RunAsync(Notebook notebook, IProgress<CellRun>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var executed = notebook.Clone();
        var folder = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(notebook.Path) ? "notebook.ipynb" : notebook.Path))!;
        var runs = new List<CellRun>();
        KernelProcess? kernel = null;
        string? stopReason = null;
        try
        {
            foreach (var (cell, number) in executed.Cells.Where(c => c.IsCode).Select((c, i) => (c, i + 1)))
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
                    var clock = Stopwatch.StartNew();
                    var collector = new CellOutputCollector();
                    CellRunStatus status;
                    var kernelDied = false;
                    try
                    {
                        kernel ??= await StartKernelAsync(folder, cancellationToken).ConfigureAwait(false);
                        status = await kernel.SubmitAsync(cell.Source, cell.Kernel, settings.CellTimeout, collector.Add, cancellationToken).ConfigureAwait(false);
                        if (status == CellRunStatus.TimedOut)
                        {
                            collector.AddError($"The cell ran past its time limit of {settings.CellTimeout.TotalSeconds:0.###} s and was stopped.");
                        }
                        else if (kernel.HasExited)
                        {
                            await kernel.WaitForExitAsync().ConfigureAwait(false);
                            collector.AddError(kernel.ExitDescription());
                            kernelDied = true;
                        }
                    }
                    catch (InvalidOperationException e) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The kernel never became ready.
                        collector.AddError(e.Message);
                        status = CellRunStatus.Failed;
                        kernelDied = true;
                    }

                    cell.SetOutputs(collector.Outputs);
                    // Cells run in order until one stops the rest, so the kernel's count is the cell's number.
                    cell.ExecutionCount = number;

                    // The kernel's verdict, read against the cell's raises-exception tag.
                    run = (kernelDied, status, cell.RaisesException) switch
                    {
                        (false, CellRunStatus.Failed, true) => new(cell.Index, number, CellRunStatus.ExpectedError, clock.Elapsed, "failed as expected (raises-exception)"),
                        (false, CellRunStatus.Passed, true) => new(cell.Index, number, CellRunStatus.Failed, clock.Elapsed, "expected an exception (the cell is tagged raises-exception) but it ran without error"),
                        _ => new(cell.Index, number, kernelDied ? CellRunStatus.Failed : status, clock.Elapsed, collector.ErrorText),
                    };
                    stopReason = run.Status switch
                    {
                        _ when kernelDied => $"skipped: the kernel exited during cell {number}",
                        CellRunStatus.TimedOut => $"skipped: cell {number} timed out",
                        CellRunStatus.Failed when !settings.ContinueOnError => $"skipped: cell {number} failed",
                        _ => null,
                    };
                }

                runs.Add(run);
                progress?.Report(run);
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
        return await KernelProcess.StartAsync(tool.StartInfo(folder, settings.KernelEnvironment), KernelStartTimeout, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>How to run a notebook: the per-cell time limit, and whether to go on after a failing cell.</summary>
public sealed record ExecutionSettings(TimeSpan CellTimeout, bool ContinueOnError = false)
{
    public static ExecutionSettings Default { get; } = new(TimeSpan.FromSeconds(120));

    /// <summary>
    /// Variables set in the kernel process after the machine-independent ones, so a test can start the kernel as a
    /// student's machine would (LANG=de_DE.UTF-8); empty for the runner.
    /// </summary>
    public IReadOnlyDictionary<string, string> KernelEnvironment { get; init; } = new Dictionary<string, string>();
}

/// <summary>A notebook after a run: the executed copy (fresh outputs) and each code cell's fate.</summary>
public sealed record NotebookRunResult(Notebook Executed, IReadOnlyList<CellRun> Cells, TimeSpan Duration)
{
    public int Skipped => Cells.Count(c => c.Status == CellRunStatus.Skipped);

    public int Ran => Cells.Count - Skipped;

    public int Failed => Cells.Count(c => c.IsFailure);

    public bool Succeeded => Failed == 0;
}
