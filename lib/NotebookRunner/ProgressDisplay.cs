using System.Globalization;
using NotebookRunner.Engine.Execution;
using Spectre.Console;

namespace NotebookRunner;

/// <summary>
/// Shows a run as it goes. At a terminal: a Spectre.Console progress bar per notebook (cells done of total), with
/// failures printed above the bars. Redirected (CI, tests, a log file): one line per cell, as a log reads best.
/// Then a closing table: per notebook, cells run, failed, skipped and seconds.
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

    public void Summary(IReadOnlyList<NotebookJob> jobs, TimeSpan total)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("notebook")
            .AddColumn(new TableColumn("cells").RightAligned())
            .AddColumn(new TableColumn("ran").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned())
            .AddColumn(new TableColumn("skipped").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned())
            .AddColumn("result");
        foreach (var job in jobs)
        {
            var r = job.Result!;
            var result = !r.Succeeded ? "[red]FAILED[/]" : job.Drifts.Count > 0 ? "[yellow]DRIFTED[/]" : "[green]ok[/]";
            table.AddRow(
                Markup.Escape(job.Name),
                Number(r.Cells.Count),
                Number(r.Ran),
                Number(r.Failed),
                Number(r.Skipped),
                r.Duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                result);
        }

        console.Write(table);
        var failed = jobs.Count(j => !j.Result!.Succeeded);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{jobs.Count} notebook(s), {failed} failed, {total.TotalSeconds:0.000} s in all"));
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

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
        Print(cell, () => console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{job.Name}  cell {cell.Number}/{job.CodeCellCount}  {status}  {cell.Duration.TotalSeconds:0.000} s")));
    }

    private void PrintFailure(NotebookJob job, CellRun cell) => Print(cell, () =>
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[red]{Markup.Escape(job.Name)}  cell {cell.Number}/{job.CodeCellCount}  {cell.Status}[/]")));

    // The cell's line, then a failure's message indented: kept together whichever thread prints.
    private void Print(CellRun cell, Action printLine)
    {
        lock (gate)
        {
            printLine();
            if (cell.IsFailure && cell.Message.Length > 0)
            {
                foreach (var message in cell.Message.Split('\n'))
                {
                    console.WriteLine("    " + message);
                }
            }
        }
    }

    // Reports on the caller's thread at once (Progress<T> posts, which reorders lines).
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
