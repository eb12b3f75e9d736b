using System.Text.RegularExpressions;
using NotebookRunner.Engine.Checking;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests.Editions;

/// <summary>
/// Every edition notebook, executed in the real kernel, keeps the English notebook's promises in its own language:
/// every cell runs (cells tagged raises-exception raise), its stored outputs are what a fresh run prints, its gradient
/// checks pass and fail where the English ones do, and each exercise check, as shipped, answers with its stub's hint
/// (translated, so found by cell id, not by English words). One class per language, so the two run beside each
/// other and beside the English notebooks' classes (SharedExecutor caps the kernels at once).
/// </summary>
public abstract partial class EditionRuns(string language)
{
    public static IReadOnlyList<string> Languages { get; } = ["ko", "ja"];

    public static IReadOnlyList<string> EnglishNotebooks { get; } =
        Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    public static TheoryData<string> Notebooks { get; } = new(EnglishNotebooks);

    public static string EditionPath(string language, string fileName) => Path.Combine(RepositoryPaths.Notebooks, language, fileName);

    /// <summary>What to say when an edition file is not there (the editions land after the English; until then this fails).</summary>
    public static string Missing(string path) =>
        $"the edition is missing: translate notebooks/{Path.GetFileName(path)} into {Path.GetFileName(Path.GetDirectoryName(path))}/ "
        + $"(same cell ids, Translation conventions), stamp it with python3 {EditionSync.StampScript}, run it with "
        + $"`dotnet run --project lib/NotebookRunner -- run {Path.GetRelativePath(RepositoryPaths.Root, path)} --update`";

    [Theory]
    [MemberData(nameof(Notebooks), MemberType = typeof(EditionRuns))]
    public async Task Runs_green_in_the_real_kernel_as_the_english_does(string fileName)
    {
        string path = EditionPath(language, fileName);
        Assert.True(File.Exists(path), $"{language}/{fileName}: {Missing(path)}");
        Notebook english = NotebookReader.Read(RepositoryPaths.Notebook(fileName));
        Notebook stored = NotebookReader.Read(path);
        NotebookRunResult run = await SharedExecutor.Instance.RunAsync(stored);
        string name = $"{language}/{fileName}";

        foreach (var (cell, outcome) in stored.Cells.Where(c => c.IsCode).Zip(run.Cells))
        {
            var expected = cell.RaisesException ? CellRunStatus.ExpectedError : CellRunStatus.Passed;
            Assert.True(expected == outcome.Status, $"{name} cell {outcome.Number} ({cell.Id}): expected {expected}, was {outcome.Status} {outcome.Message}");
        }

        var drifts = OutputComparer.Compare(stored, run.Executed);
        Assert.True(drifts.Count == 0, $"{name}: stored outputs are stale; run `dotnet run --project lib/NotebookRunner -- run notebooks/{name} --update`.\n"
            + string.Join("\n", drifts.Select(d => $"cell {d.Number}:\n{d.Diff}")));

        Assert.Equal(CheckMarks(english), CheckMarks(run.Executed));

        var hints = ExerciseHints(english);
        Assert.InRange(hints.Count, 2, 3);
        foreach (var (exerciseId, checkId) in hints)
        {
            string[] stubHints = StubHints(stored.Cells.Single(c => c.Id == exerciseId).Source);
            string said = ExecutedNotebook.Printed(run.Executed.Cells.Single(c => c.Id == checkId));
            Assert.True(stubHints.Any(h => said.Contains(h, StringComparison.Ordinal)),
                $"{name}: the check of exercise cell {exerciseId} (cell {checkId}) does not pass on its stub's hint ({string.Join(" | ", stubHints)}); it printed:\n{said}");
        }
    }

    /// <summary>✓ and ✗ of every gradient-check row, in order: the same in every language.</summary>
    private static string CheckMarks(Notebook notebook) => string.Concat(notebook.Cells.SelectMany(c => c.Outputs)
        .SelectMany(o => o.Data.Where(d => d.Key == "text/html").Select(d => d.Value))
        .SelectMany(html => CheckRow().Matches(html).Select(m => m.Groups["mark"].Value)));

    /// <summary>
    /// The English exercise cells (first line "// Exercise N: …") by id, each with the id of the cell whose stored output
    /// carries one of its stub's hints: the check, whose verdict the edition must give with the edition's hint.
    /// </summary>
    private static List<(string Exercise, string Check)> ExerciseHints(Notebook english) =>
        english.Cells.Where(c => c.IsCode && ExerciseLine().IsMatch(c.Source))
            .Select(c => (c.Id!, english.Cells.Single(k => StubHints(c.Source).Any(h => ExecutedNotebook.Printed(k).Contains(h, StringComparison.Ordinal))).Id!))
            .ToList();

    private static string[] StubHints(string code) =>
        StubThrow().Matches(code).Select(m => Regex.Unescape(m.Groups[1].Value)).ToArray();

    [GeneratedRegex(@"^// Exercise \d+: \S")]
    private static partial Regex ExerciseLine();

    [GeneratedRegex("""NotImplementedException\(\s*"((?:[^"\\]|\\.)*)"\s*\)""")]
    private static partial Regex StubThrow();

    [GeneratedRegex("""<tr[^>]*><td[^>]*>[^<]*</td>.*?<span[^>]*>(?<mark>[✓✗])</span></td></tr>""")]
    private static partial Regex CheckRow();
}

public sealed class KoreanEditionRuns() : EditionRuns("ko");

public sealed class JapaneseEditionRuns() : EditionRuns("ja");
