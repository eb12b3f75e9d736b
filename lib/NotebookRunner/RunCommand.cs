using System.Diagnostics;
using NotebookRunner.Engine.Checking;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Export;
using NotebookRunner.Engine.Formats;
using Spectre.Console;

namespace NotebookRunner;

/// <summary>The <c>run</c> command: execute notebooks, report progress and a summary, then write, check or export.</summary>
public sealed class RunCommand(RunOptions options, IAnsiConsole output)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var paths = NotebookFinder.Find(options.Paths, new[] { options.OutDirectory, options.HtmlDirectory }.OfType<string>());
        if (paths.Count == 0)
        {
            throw new UsageException($"no notebooks found in {string.Join(", ", options.Paths)}");
        }

        // Every unreadable notebook is named before the run gives up.
        var jobs = new List<NotebookJob>();
        foreach (var (path, name) in paths)
        {
            try
            {
                jobs.Add(new NotebookJob(NotebookReader.Read(path), name));
            }
            catch (NotebookFormatException e)
            {
                output.WriteLine($"error: {e.Message}");
            }
        }

        if (jobs.Count < paths.Count)
        {
            return ExitCodes.BadInput;
        }

        if (options.NoRun && (options.Check || options.Update))
        {
            throw new UsageException("--no-run runs nothing to check or update with; use it with --html");
        }

        var clock = Stopwatch.StartNew();
        var display = new ProgressDisplay(output);
        var executor = new NotebookExecutor(new ExecutionSettings(options.CellTimeout, options.ContinueOnError), display.Line);

        // Each notebook has its own kernel process, started in the notebook's own folder.
        if (options.NoRun)
        {
            foreach (var job in jobs)
            {
                job.Result = new NotebookRunResult(job.Source, [], TimeSpan.Zero);
            }
        }
        else
        {
            await display.RunAsync(jobs, options.Jobs, async (job, progress, token) =>
            {
                job.Result = await executor.RunAsync(job.Source, progress, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        var pages = jobs.Select(j => Editions.PageOf(j.Source.Path, j.Name)).ToList();
        var drifted = false;
        foreach (var job in jobs)
        {
            WriteResults(job);
            drifted |= options.Check && job.Drifts.Count > 0;
        }

        if (options.HtmlDirectory is { } htmlDirectory)
        {
            WriteSite(htmlDirectory, jobs, pages);
        }

        display.Summary(jobs, clock.Elapsed);
        return jobs.All(j => j.Result!.Succeeded) && !drifted ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>The pages as one site (<see cref="Site"/>): navigation, front pages, the notebooks, one plotly.js.</summary>
    private void WriteSite(string htmlDirectory, List<NotebookJob> jobs, List<Editions.Page> pages)
    {
        var entries = jobs.Zip(pages).Select(p => new Site.Entry(
            p.First.Result!.Executed, p.First.Source.Path, p.Second, HtmlExporter.Title(p.First.Result!.Executed, Path.GetFileNameWithoutExtension(p.First.Name)))).ToList();
        Site.Write(htmlDirectory, entries);
        foreach (var job in jobs)
        {
            foreach (var problem in HtmlExporter.MathProblems(job.Result!.Executed))
            {
                output.WriteLine($"html   {job.Name} {problem} (shown marked on the page)");
            }
        }

        var languages = pages.Select(p => p.Language).Distinct();
        output.WriteLine($"html   {jobs.Count} page(s) and {string.Join(", ", languages.Select(Editions.IndexHref))} in {htmlDirectory}");
    }

    private void WriteResults(NotebookJob job)
    {
        var executed = job.Result!.Executed;
        var isDib = job.Source.Format == NotebookFormat.Dib;
        NotebookWriter.WriteAtomically(job.OutputPath(options.OutDirectory, ".ipynb"), NotebookWriter.ToBytes(executed));

        if (options.Check)
        {
            if (isDib)
            {
                output.WriteLine($"check  {job.Name}: a .dib stores no outputs; nothing to compare");
            }
            else
            {
                job.Drifts = OutputComparer.Compare(job.Source, executed);
                foreach (var drift in job.Drifts)
                {
                    output.WriteLine($"drift  {job.Name} cell {drift.Number} (notebook cell {drift.CellIndex + 1}): outputs differ (- stored, + fresh)");
                    output.Write(new Text(drift.Diff));
                }

                if (job.Drifts.Count == 0)
                {
                    output.WriteLine($"check  {job.Name}: outputs match");
                }
            }
        }

        if (options.Update)
        {
            Update(job, isDib);
        }
    }

    private void Update(NotebookJob job, bool isDib)
    {
        var executed = job.Result!.Executed;
        var outcome = (isDib, job.Result.Succeeded) switch
        {
            (true, _) => "a .dib stores no outputs; left unchanged",
            (_, false) => "not updated, a cell failed",
            _ when job.Source.Cells.Zip(executed.Cells).All(p => p.First.ExecutionCount == p.Second.ExecutionCount)
                   && (options.Check ? job.Drifts : OutputComparer.Compare(job.Source, executed)).Count == 0 => "outputs unchanged; file left as it was",
            _ => NotebookWriter.WriteAtomically(job.Source.Path, NotebookWriter.ToBytes(executed)) ? "written" : "unchanged",
        };
        output.WriteLine($"update {job.Name}: {outcome}");
    }
}
