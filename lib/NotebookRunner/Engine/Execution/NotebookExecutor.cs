using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Engine.Packages;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// Runs every code cell of a notebook in one <see cref="NotebookSession"/> and returns an executed copy. Markdown is
/// not run; html and mermaid cells are displayed as they are; any other kernel is an error naming it.
/// <para>
/// #r, #load and #i paths resolve against the notebook's folder. The process's working directory is the caller's
/// to set (it is process-wide, and notebooks may run in parallel): the command line makes it the notebook's folder.
/// </para>
/// </summary>
public sealed class NotebookExecutor(ExecutionSettings settings, NuGetRestorer? restorer = null)
{
    private const string MermaidMimeType = "text/vnd.mermaid";
    private readonly NuGetRestorer restorer = restorer ?? new NuGetRestorer();

    public async Task<NotebookRunResult> RunAsync(Notebook notebook, IProgress<CellProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var executed = notebook.Clone();
        var codeCells = executed.Cells.Where(c => c.IsCode).ToList();
        var folder = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(notebook.Path) ? "notebook.ipynb" : notebook.Path))!;
        var runs = new List<CellRun>();
        NotebookSession? session = null;
        var stopped = false;
        var executionCount = 0;
        try
        {
            foreach (var (cell, number) in codeCells.Select((c, i) => (c, i + 1)))
            {
                CellRun run;
                if (stopped)
                {
                    cell.SetOutputs([]);
                    cell.ExecutionCount = null;
                    run = new CellRun(cell.Index, number, CellRunStatus.Skipped, TimeSpan.Zero, "skipped: an earlier cell failed");
                }
                else
                {
                    var (kernel, source) = SplitKernelMagic(cell.Kernel, cell.Source);
                    CellResult result;
                    if (kernel == KernelNames.CSharp)
                    {
                        session ??= new NotebookSession(folder, restorer);
                        result = await session.RunCellAsync(source, settings.CellTimeout, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        result = PassThrough(kernel, source);
                    }

                    cell.SetOutputs(result.Outputs);
                    cell.ExecutionCount = ++executionCount;
                    run = Judge(cell, number, result);
                    stopped = result.Status == CellStatus.TimedOut || (run.IsFailure && !settings.ContinueOnError);
                }

                runs.Add(run);
                progress?.Report(new CellProgress(notebook.Path, codeCells.Count, run));
            }
        }
        finally
        {
            session?.Dispose();
        }

        return new NotebookRunResult(executed, runs, started.Elapsed);
    }

    private static CellRun Judge(NotebookCell cell, int number, CellResult result)
    {
        var seconds = result.Duration;
        return (result.Status, cell.RaisesException) switch
        {
            (CellStatus.TimedOut, _) => new CellRun(cell.Index, number, CellRunStatus.TimedOut, seconds, result.ErrorText),
            (CellStatus.Failed, true) => new CellRun(cell.Index, number, CellRunStatus.ExpectedError, seconds, "failed as expected (raises-exception)"),
            (CellStatus.Failed, false) => new CellRun(cell.Index, number, CellRunStatus.Failed, seconds, result.ErrorText),
            (CellStatus.Ok, true) => new CellRun(cell.Index, number, CellRunStatus.Failed, seconds, "expected an exception (the cell is tagged raises-exception) but it ran without error"),
            _ => new CellRun(cell.Index, number, CellRunStatus.Passed, seconds, ""),
        };
    }

    /// <summary>A first line "#!kernel" overrides the cell's kernel, as in Polyglot; it is blanked to keep line numbers.</summary>
    public static (string Kernel, string Source) SplitKernelMagic(string kernel, string source)
    {
        if (!source.StartsWith("#!", StringComparison.Ordinal))
        {
            return (kernel, source);
        }

        var end = source.IndexOf('\n', StringComparison.Ordinal);
        var name = (end < 0 ? source[2..] : source[2..end]).Trim();
        if (name.Length == 0 || name.Contains(' ', StringComparison.Ordinal) || !KernelNames.WellKnown.Contains(name))
        {
            return (kernel, source);
        }

        return (KernelNames.Normalize(name), end < 0 ? "" : source[end..]);
    }

    private static CellResult PassThrough(string kernel, string source)
    {
        var text = source.Trim('\n', '\r');
        var output = kernel switch
        {
            KernelNames.Html => CellOutput.DisplayData("text/html", text),
            KernelNames.Mermaid => CellOutput.DisplayData(MermaidMimeType, text),
            KernelNames.Markdown => CellOutput.DisplayData("text/markdown", text),
            _ => null,
        };
        if (output is not null)
        {
            return new CellResult(CellStatus.Ok, [output], 0, TimeSpan.Zero);
        }

        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Cells of kernel '{kernel}' cannot run here: this runner executes C# (csharp) cells; html and mermaid cells are shown as they are.");
        return new CellResult(CellStatus.Failed, [CellOutput.Error("Error", message, [message])], 0, TimeSpan.Zero);
    }
}
