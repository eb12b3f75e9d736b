using System.Globalization;
using NotebookRunner.Engine.Execution;
using Spectre.Console;

namespace NotebookRunner;

/// <summary>
/// Shows a run as it goes. At a terminal: a Spectre.Console progress bar per notebook (cells done of total), with
/// failures printed above the bars. Redirected (CI, tests, a log file): one line per cell, as a log reads best.
/// </summary>
public sealed class ProgressDisplay(IAnsiConsole console)
{
    private readonly object gate = new();

    /// <summary>A line of its own (kernel restore notices and the like), safe from any thread.</summary>
    public void Line(string text)
    {
        lock (gate)
        {
            console.WriteLine(text);
        }
    }

    public async Task RunAsync(
        IReadOnlyList<NotebookJob> jobs, int parallel, Func<NotebookJob, IProgress<CellRun>, CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        if (!console.Profile.Capabilities.Interactive)
        {
            await Parallel.ForEachAsync(jobs, options, (job, token) => new ValueTask(run(job, new SynchronousProgress<CellRun>(c => PrintCell(job, c)), token))).ConfigureAwait(false);
            return;
        }

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bars = jobs.ToDictionary(j => j, j => context.AddTask(Describe(j.Name, 0, j.CodeCellCount, ""), autoStart: false, maxValue: Math.Max(1, j.CodeCellCount)));
                await Parallel.ForEachAsync(jobs, options, async (job, token) =>
                {
                    var bar = bars[job];
                    bar.StartTask();
                    var failed = "";
                    var report = new SynchronousProgress<CellRun>(cell =>
                    {
                        if (cell.IsFailure)
                        {
                            failed = " [red]failed[/]";
                            PrintFailure(job, cell);
                        }

                        bar.Increment(1);
                        bar.Description = Describe(job.Name, (int)bar.Value, job.CodeCellCount, failed);
                    });
                    try
                    {
                        await run(job, report, token).ConfigureAwait(false);
                    }
                    finally
                    {
                        // Stopped whether the notebook ran through or threw (Ctrl-C): the failure still propagates.
                        bar.StopTask();
                    }
                }).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    private static string Describe(string name, int done, int total, string failed) =>
        string.Create(CultureInfo.InvariantCulture, $"{Markup.Escape(name)}  {done}/{total} cells{failed}");

    private void PrintCell(NotebookJob job, CellRun cell)
    {
        var status = cell.Status switch
        {
            CellRunStatus.Passed => "ok",
            CellRunStatus.Failed => "FAILED",
            CellRunStatus.TimedOut => "TIMEOUT",
            CellRunStatus.Skipped => "skipped",
            CellRunStatus.ExpectedError => "ok (raised, as tagged)",
            _ => cell.Status.ToString(),
        };
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{job.Name}  cell {cell.Number}/{job.CodeCellCount}  {status}  {cell.Duration.TotalSeconds:0.000} s");
        lock (gate)
        {
            console.WriteLine(line);
            WriteMessage(cell);
        }
    }

    private void PrintFailure(NotebookJob job, CellRun cell)
    {
        lock (gate)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[red]{Markup.Escape(job.Name)}  cell {cell.Number}/{job.CodeCellCount}  {cell.Status}[/]"));
            WriteMessage(cell);
        }
    }

    private void WriteMessage(CellRun cell)
    {
        if (cell.IsFailure && cell.Message.Length > 0)
        {
            foreach (var message in cell.Message.Split('\n'))
            {
                console.WriteLine("    " + message);
            }
        }
    }

    // Reports on the caller's thread at once (Progress<T> posts, which reorders lines).
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
