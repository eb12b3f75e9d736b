using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>
/// The exercises ship stubs, and their solutions live outside the notebooks, in
/// <c>Solutions/&lt;notebook stem&gt;/</c>: <c>exercise-N.cs</c> is the whole exercise cell with a right
/// answer, <c>exercise-N.wrong.cs</c>, <c>exercise-N.wrong-2.cs</c>, … the whole cell with a typical wrong one
/// and a line <c>// Expected hint: …</c> saying what its check must answer; one of them throws, and its check must
/// still answer with a hint. An exercise cell is found by its first line, <c>// Exercise N: title</c>, the same in
/// the notebook and in every file; its check cell by <c>// Check exercise N</c>.
/// A check that cannot fail checks nothing, and one that fails a right answer misleads: every notebook
/// with solutions runs three times, as stored, with every solution and with every wrong answer (the second and
/// later wrong answers of an exercise each run again, followed by a copy of its check cell).
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
        var expectedFiles = exercises.Keys
            .SelectMany(n => new[] { $"exercise-{n}.cs" }.Concat(WrongFiles(fileName, n).Select(Path.GetFileName))).Order(StringComparer.Ordinal);
        Assert.Equal(expectedFiles, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        foreach (var (n, stub) in exercises)
        {
            string solution = SolutionFile(fileName, n, wrong: false);
            Assert.Equal(FirstLine(stub), FirstLine(solution));
            Assert.NotEmpty(StubHints(stub));
            Assert.DoesNotContain("NotImplementedException", solution, StringComparison.Ordinal);
            Assert.Contains(WrongFiles(fileName, n), f => Path.GetFileName(f) == $"exercise-{n}.wrong.cs");
            foreach (string wrong in WrongAnswers(fileName, n))
            {
                Assert.Equal(FirstLine(stub), FirstLine(wrong));
                Assert.DoesNotContain("NotImplementedException", wrong, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(ExpectedHint(wrong)), $"{fileName} exercise {n}: a wrong answer has no \"{HintPrefix}\" line");
            }

            Assert.Single(CheckCells(Read(fileName), n));
        }
    }

    [Theory]
    [MemberData(nameof(NotebooksWithSolutions))]
    public void Every_check_cell_is_one_short_call_into_the_graders(string fileName)
    {
        foreach (int n in ExerciseCells(Read(fileName)).Keys)
        {
            string check = Assert.Single(CheckCells(Read(fileName), n));
            string[] code = check.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && l.Trim().Length > 0).ToArray();
            Assert.True(code.Length <= 5, $"{fileName} exercise {n}: the check cell has {code.Length} lines of code");
            Assert.Matches(@"^Grader\.\w+\(", code[0]);
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
            string said = Assert.Single(CheckOutputs(result, n));
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
            string said = Assert.Single(CheckOutputs(result, n));
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
            var wrongs = WrongAnswers(fileName, n);
            var verdicts = CheckOutputs(result, n);
            Assert.Equal(wrongs.Count, verdicts.Count);
            foreach (var (wrong, said) in wrongs.Zip(verdicts))
            {
                Assert.True(said.Contains($"Exercise {n} failed", StringComparison.Ordinal), $"{fileName} exercise {n}: the check printed\n{said}");
                Assert.Contains(ExpectedHint(wrong), said, StringComparison.Ordinal);
            }

            // A wrong answer that throws gets a hint too, never a stack trace.
            Assert.Contains(verdicts, said => Threw().IsMatch(said));
            Assert.All(verdicts, said => Assert.DoesNotContain("   at ", said, StringComparison.Ordinal));
        }
    }

    private static Notebook Read(string fileName) => NotebookReader.Read(RepositoryPaths.Notebook(fileName));

    /// <summary>
    /// The stored notebook with every exercise cell replaced by its solution or its first wrong answer; with the wrong
    /// answers, each further one follows the exercise's check cell, with a copy of that check after it.
    /// </summary>
    private static Notebook WithCells(string fileName, bool wrong)
    {
        Notebook stored = Read(fileName);
        var root = (JsonObject)stored.Root.DeepClone();
        var cells = root["cells"]!.AsArray();
        foreach (JsonNode? cell in cells.ToList())
        {
            if (ExerciseNumber(Source(cell!)) is { } n)
            {
                cell!["source"] = wrong ? WrongAnswers(fileName, n)[0] : SolutionFile(fileName, n, wrong: false);
            }
            else if (wrong && CheckNumber(Source(cell!)) is { } c)
            {
                int at = cells.IndexOf(cell);
                foreach (var (again, k) in WrongAnswers(fileName, c).Skip(1).Select((w, k) => (w, k + 2)))
                {
                    var answer = cell!.DeepClone();
                    answer["id"] = $"{(string?)cell["id"]}-wrong-{k}";
                    answer["source"] = again;
                    var check = cell.DeepClone();
                    check["id"] = $"{(string?)cell["id"]}-check-{k}";
                    cells.Insert(++at, answer);
                    cells.Insert(++at, check);
                }
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

    /// <summary>The check cells of exercise <paramref name="n"/>: code cells whose first line is "// Check exercise N".</summary>
    private static List<string> CheckCells(Notebook notebook, int n) =>
        notebook.Cells.Where(c => c.IsCode && CheckNumber(c.Source.ReplaceLineEndings("\n")) == n).Select(c => c.Source.ReplaceLineEndings("\n")).ToList();

    /// <summary>What the checks of exercise <paramref name="n"/> printed, in order: the cells whose output names it.</summary>
    private static List<string> CheckOutputs(NotebookRunResult result, int n) =>
        result.Executed.Cells
            .Select(ExecutedNotebook.Printed)
            .Where(text => Regex.IsMatch(text, $@"^Exercise {n} (passed|failed|not done yet)", RegexOptions.Multiline))
            .ToList();

    private static void AssertSucceeded(NotebookRunResult result) =>
        Assert.True(result.Succeeded, string.Join("\n", result.Cells.Where(c => c.IsFailure).Select(c => $"cell {c.Number}: {c.Message}")));

    private static string SolutionFile(string fileName, int n, bool wrong)
    {
        string path = Path.Combine(SolutionsRoot, Path.GetFileNameWithoutExtension(fileName), $"exercise-{n}{(wrong ? ".wrong" : "")}.cs");
        return ReadCell(path);
    }

    /// <summary>exercise-N.wrong.cs, then exercise-N.wrong-2.cs, exercise-N.wrong-3.cs, …</summary>
    private static List<string> WrongFiles(string fileName, int n) =>
        Directory.GetFiles(Path.Combine(SolutionsRoot, Path.GetFileNameWithoutExtension(fileName)), $"exercise-{n}.wrong*.cs")
            .Where(f => Regex.IsMatch(Path.GetFileName(f), $@"^exercise-{n}\.wrong(-\d+)?\.cs$"))
            .OrderBy(f => Regex.Match(Path.GetFileName(f), @"-(\d+)\.cs$") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 1)
            .ToList();

    private static List<string> WrongAnswers(string fileName, int n) => WrongFiles(fileName, n).Select(ReadCell).ToList();

    private static string ReadCell(string path) => File.ReadAllText(path).ReplaceLineEndings("\n").TrimEnd('\n');

    /// <summary>The messages of the stub's <c>throw new NotImplementedException("…")</c>: what "not done yet" passes on.</summary>
    private static string[] StubHints(string stub) =>
        StubThrow().Matches(stub).Select(m => Regex.Unescape(m.Groups[1].Value)).ToArray();

    private static string ExpectedHint(string wrong) =>
        wrong.Split('\n').Single(l => l.StartsWith(HintPrefix, StringComparison.Ordinal))[HintPrefix.Length..].Trim();

    private static int? ExerciseNumber(string source) =>
        ExerciseLine().Match(FirstLine(source)) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    private static int? CheckNumber(string source) =>
        CheckLine().Match(FirstLine(source)) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    private static string FirstLine(string source) => source.Split('\n')[0].TrimEnd('\r');

    private static string Source(JsonNode cell) => (MultilineString.FromJson(cell["source"]) ?? "").ReplaceLineEndings("\n");

    [GeneratedRegex(@"^// Exercise (\d+): \S")]
    private static partial Regex ExerciseLine();

    [GeneratedRegex(@"^// Check exercise (\d+)\b")]
    private static partial Regex CheckLine();

    [GeneratedRegex(@"^Your \w+ threw \w+: ", RegexOptions.Multiline)]
    private static partial Regex Threw();

    [GeneratedRegex("""NotImplementedException\(\s*"((?:[^"\\]|\\.)*)"\s*\)""")]
    private static partial Regex StubThrow();
}
