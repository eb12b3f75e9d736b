using System.Globalization;
using Spectre.Console;

namespace NotebookRunner;

/// <summary>The closing table (Spectre.Console): per notebook, cells run, failed, skipped and seconds.</summary>
public static class SummaryTable
{
    public static void Print(IAnsiConsole console, IReadOnlyList<NotebookJob> jobs, TimeSpan total)
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
}
