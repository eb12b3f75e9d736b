using System.Globalization;

namespace NotebookRunner;

/// <summary>The closing table: per notebook, cells run, failed, skipped and seconds.</summary>
public static class SummaryTable
{
    public static void Print(TextWriter output, IReadOnlyList<NotebookJob> jobs, TimeSpan total)
    {
        var width = Math.Max("notebook".Length, jobs.Max(j => j.Name.Length));
        output.WriteLine();
        output.WriteLine($"{"notebook".PadRight(width)}  {"cells",5}  {"ran",5}  {"failed",6}  {"skipped",7}  {"seconds",8}  result");
        output.WriteLine($"{new string('-', width)}  -----  -----  ------  -------  --------  ------");
        foreach (var job in jobs)
        {
            var r = job.Result!;
            var result = !r.Succeeded ? "FAILED" : job.Drifts.Count > 0 ? "DRIFTED" : "ok";
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{job.Name.PadRight(width)}  {r.Cells.Count,5}  {r.Ran,5}  {r.Failed,6}  {r.Skipped,7}  {r.Duration.TotalSeconds,8:0.000}  {result}"));
        }

        var failed = jobs.Count(j => !j.Result!.Succeeded);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{jobs.Count} notebook(s), {failed} failed, {total.TotalSeconds:0.000} s in all"));
    }
}
