using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>
/// The exercises ship stubs, and their solutions live outside the notebooks, in
/// <c>Solutions/&lt;notebook stem&gt;/</c>: <c>exercise-N.cs</c> is the whole exercise cell with a right
/// answer, <c>exercise-N.wrong.cs</c> the whole cell with a typical wrong one and a line
/// <c>// Expected hint: …</c> saying what its check must answer. An exercise cell is found by its first
/// line, <c>// Exercise N: title</c>, the same in the notebook and in both files.
/// A check that cannot fail checks nothing, and one that fails a right answer misleads: every notebook
/// with solutions runs three times, as stored, with every solution and with every wrong answer.
/// </summary>
public sealed partial class ExerciseChecksTests
{
    private const string HintPrefix = "// Expected hint: ";

    private static string SolutionsRoot => Path.Combine(RepositoryPaths.Root, "tests", "Notebooks.Tests", "Solutions");

    public static TheoryData<string> NotebooksWithSolutions { get; } =
        new(Directory.GetDirectories(SolutionsRoot).Select(d => Path.GetFileName(d) + ".ipynb").Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(NotebooksWithSolutions))]
    public void Every_exercise_has_a_stub_a_solution_and_a_wrong_answer(string fileName)
    {
        var exercises = ExerciseCells(Read(fileName));
        Assert.NotEmpty(exercises);
        Assert.Equal(Enumerable.Range(1, exercises.Count), exercises.Keys.Order());
        string folder = Path.Combine(SolutionsRoot, Path.GetFileNameWithoutExtension(fileName));
        var expectedFiles = exercises.Keys.SelectMany(n => new[] { $"exercise-{n}.cs", $"exercise-{n}.wrong.cs" }).Order(StringComparer.Ordinal);
        Assert.Equal(expectedFiles, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        foreach (var (n, stub) in exercises)
        {
            string solution = SolutionFile(fileName, n, wrong: false);
            string wrong = SolutionFile(fileName, n, wrong: true);
            Assert.Equal(FirstLine(stub), FirstLine(solution));
            Assert.Equal(FirstLine(stub), FirstLine(wrong));
            Assert.NotEmpty(StubHints(stub));
            Assert.DoesNotContain("NotImplementedException", solution, StringComparison.Ordinal);
            Assert.DoesNotContain("NotImplementedException", wrong, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(ExpectedHint(wrong)), $"{fileName} exercise {n}: the wrong answer has no \"{HintPrefix}\" line");
        }
    }

    [Theory]
    [MemberData(nameof(NotebooksWithSolutions))]
    public async Task As_stored_every_check_says_not_done_yet_with_the_stubs_hint(string fileName)
    {
        Notebook stored = Read(fileName);
        var result = await SharedExecutor.Instance.RunAsync(stored);

        AssertSucceeded(result);
        foreach (var (n, stub) in ExerciseCells(stored))
        {
            string said = CheckOutput(result, n);
            Match line = Regex.Match(said, $@"^Exercise {n} not done yet: (.+)$", RegexOptions.Multiline);
            Assert.True(line.Success, $"{fileName} exercise {n}: the check printed\n{said}");
            Assert.Contains(StubHints(stub), hint => line.Groups[1].Value.Contains(hint, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(NotebooksWithSolutions))]
    public async Task With_the_solutions_every_check_passes(string fileName)
    {
        var result = await SharedExecutor.Instance.RunAsync(WithCells(fileName, wrong: false));

        AssertSucceeded(result);
        foreach (int n in ExerciseCells(Read(fileName)).Keys)
        {
            string said = CheckOutput(result, n);
            Assert.True(said.Contains($"Exercise {n} passed", StringComparison.Ordinal), $"{fileName} exercise {n}: the check printed\n{said}");
        }
    }

    [Theory]
    [MemberData(nameof(NotebooksWithSolutions))]
    public async Task With_the_wrong_answers_every_check_fails_with_its_hint(string fileName)
    {
        var result = await SharedExecutor.Instance.RunAsync(WithCells(fileName, wrong: true));

        AssertSucceeded(result);
        foreach (int n in ExerciseCells(Read(fileName)).Keys)
        {
            string said = CheckOutput(result, n);
            Assert.True(said.Contains($"Exercise {n} failed", StringComparison.Ordinal), $"{fileName} exercise {n}: the check printed\n{said}");
            Assert.Contains(ExpectedHint(SolutionFile(fileName, n, wrong: true)), said, StringComparison.Ordinal);
        }
    }

    private static Notebook Read(string fileName) => NotebookReader.Read(RepositoryPaths.Notebook(fileName));

    /// <summary>The stored notebook with every exercise cell replaced by its solution or its wrong answer.</summary>
    private static Notebook WithCells(string fileName, bool wrong)
    {
        Notebook stored = Read(fileName);
        var root = (JsonObject)stored.Root.DeepClone();
        foreach (JsonNode? cell in root["cells"]!.AsArray())
        {
            if (ExerciseNumber(Source(cell!)) is { } n)
            {
                cell!["source"] = SolutionFile(fileName, n, wrong);
            }
        }

        // Same path, so the set-up cells find build-lib.csx and the library as the real notebook does.
        return new Notebook(root, stored.Format, stored.Style, stored.Path);
    }

    /// <summary>The exercise cells by number: code cells whose first line is "// Exercise N: title".</summary>
    private static SortedDictionary<int, string> ExerciseCells(Notebook notebook)
    {
        var cells = new SortedDictionary<int, string>();
        foreach (JsonNode? cell in notebook.Root["cells"]!.AsArray())
        {
            string source = Source(cell!);
            if ((string?)cell!["cell_type"] == "code" && ExerciseNumber(source) is { } n)
            {
                Assert.True(cells.TryAdd(n, source), $"{notebook.Path}: two cells for exercise {n}");
            }
        }

        return cells;
    }

    /// <summary>What the check of exercise <paramref name="n"/> printed: the one cell whose output names it.</summary>
    private static string CheckOutput(NotebookRunResult result, int n)
    {
        var printed = result.Executed.Cells
            .Select(c => string.Concat(c.Outputs.Where(o => o.Kind == OutputKind.Stream).Select(o => o.Text)))
            .Where(text => Regex.IsMatch(text, $@"^Exercise {n} (passed|failed|not done yet)", RegexOptions.Multiline))
            .ToList();
        Assert.True(printed.Count == 1, $"exercise {n}: {printed.Count} cells printed a verdict");
        return printed[0];
    }

    private static void AssertSucceeded(NotebookRunResult result) =>
        Assert.True(result.Succeeded, string.Join("\n", result.Cells.Where(c => c.IsFailure).Select(c => $"cell {c.Number}: {c.Message}")));

    private static string SolutionFile(string fileName, int n, bool wrong)
    {
        string path = Path.Combine(SolutionsRoot, Path.GetFileNameWithoutExtension(fileName), $"exercise-{n}{(wrong ? ".wrong" : "")}.cs");
        return File.ReadAllText(path).ReplaceLineEndings("\n").TrimEnd('\n');
    }

    /// <summary>The messages of the stub's <c>throw new NotImplementedException("…")</c>: what "not done yet" passes on.</summary>
    private static string[] StubHints(string stub) =>
        StubThrow().Matches(stub).Select(m => Regex.Unescape(m.Groups[1].Value)).ToArray();

    private static string ExpectedHint(string wrong) =>
        wrong.Split('\n').Single(l => l.StartsWith(HintPrefix, StringComparison.Ordinal))[HintPrefix.Length..].Trim();

    private static int? ExerciseNumber(string source) =>
        ExerciseLine().Match(FirstLine(source)) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    private static string FirstLine(string source) => source.Split('\n')[0].TrimEnd('\r');

    private static string Source(JsonNode cell) => (MultilineString.FromJson(cell["source"]) ?? "").ReplaceLineEndings("\n");

    [GeneratedRegex(@"^// Exercise (\d+): \S")]
    private static partial Regex ExerciseLine();

    [GeneratedRegex("""NotImplementedException\(\s*"((?:[^"\\]|\\.)*)"\s*\)""")]
    private static partial Regex StubThrow();
}
