using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NotebookRunner.Engine.Checking;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>
/// A student does more than Run All once. Each chapter notebook runs in a kernel started as VS Code starts it for
/// a German student (LANG and LC_ALL de_DE.UTF-8), and after Run All every code cell runs once more, from the last
/// to the first, in the same kernel. Run All must print exactly what is stored (numbers in the invariant
/// culture, whatever the locale), and every cell run again must show what it showed the first time: its random
/// numbers from a generator it seeds itself, no name it reads rebound by a later cell.
/// </summary>
public sealed class StudentHabitsTests
{
    // The one place these tests use the engine beyond SharedExecutor: the kernel's environment, and every cell of
    // the long run (a cell that fails when run again must not hide the drifts of the cells after it).
    private static readonly ExecutionSettings GermanStudent = ExecutionSettings.Default with
    {
        ContinueOnError = true,
        KernelEnvironment = new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" },
    };

    private static readonly ConcurrentDictionary<string, Lazy<Task<(Notebook Stored, NotebookRunResult Result)>>> Runs = new();

    public static TheoryData<string> Chapters { get; } =
        new(Directory.GetFiles(RepositoryPaths.Notebooks, "5.*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Chapters))]
    public async Task Under_a_german_locale_run_all_prints_what_is_stored(string fileName)
    {
        var (stored, result) = await RunAsync(fileName);
        int codeCells = stored.Cells.Count(c => c.IsCode);
        Assert.True(
            result.Cells.Take(codeCells).All(c => c.Status is CellRunStatus.Passed or CellRunStatus.ExpectedError),
            string.Join("\n", result.Cells.Where(c => c.IsFailure).Select(c => $"cell {c.Number}: {c.Message}")));

        var firstPass = WithOutputs(stored, FirstPass(stored, result.Executed));
        var drifts = OutputComparer.Compare(stored, firstPass);
        Assert.True(drifts.Count == 0, $"{fileName} under de_DE:\n" + string.Join("\n", drifts.Select(d => $"cell {d.Number}:\n{d.Diff}")));
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public async Task After_run_all_every_cell_run_again_in_reverse_shows_the_same(string fileName)
    {
        var (stored, result) = await RunAsync(fileName);
        var first = WithOutputs(stored, FirstPass(stored, result.Executed));
        var again = WithOutputs(stored, SecondPass(stored, result.Executed));
        var drifts = OutputComparer.Compare(first, again);
        Assert.True(drifts.Count == 0, $"{fileName}, run again in reverse:\n" + string.Join("\n", drifts.Select(d => $"cell {d.Number}:\n{d.Diff}")));
    }

    [Fact]
    public async Task The_german_kernel_prints_decimal_commas_until_setup_and_points_after_it_in_every_later_cell()
    {
        // Without this the test above could pass for the wrong reason: a kernel that never saw the German locale.
        // A number before the set-up cells of 5.4, then two after them, one from another thread.
        var setup = NotebookReader.Read(RepositoryPaths.Notebook("5.4-simple-layers.ipynb")).Cells.Where(c => c.IsCode).Take(2).Select(c => c.Source);
        string[] cells = ["Console.WriteLine(0.5);", .. setup, "Console.WriteLine(0.5);", "await Task.Run(() => Console.WriteLine(0.25));"];
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(source => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            }).ToArray()),
            ["metadata"] = Notebook.PolyglotMetadata(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var probe = new Notebook(root, NotebookFormat.Ipynb, JsonStyle.VsCode, RepositoryPaths.Notebook("locale-probe.ipynb"));
        var result = await SharedExecutor.Instance.RunAsync(probe, GermanStudent);

        Assert.True(result.Succeeded, string.Join("\n", result.Cells.Where(c => c.IsFailure).Select(c => $"cell {c.Number}: {c.Message}")));
        string[] printed = result.Executed.Cells.Select(ExecutedNotebook.Printed).ToArray();
        Assert.Equal("0,5\n", printed[0]);
        Assert.Equal("0.5\n", printed[3]);
        Assert.Equal("0.25\n", printed[4]);
    }

    private static Task<(Notebook, NotebookRunResult)> RunAsync(string fileName) =>
        Runs.GetOrAdd(fileName, name => new Lazy<Task<(Notebook, NotebookRunResult)>>(async () =>
        {
            var stored = NotebookReader.Read(RepositoryPaths.Notebook(name));
            var result = await SharedExecutor.Instance.RunAsync(RunAllThenReverse(stored), GermanStudent);
            return (stored, result);
        })).Value;

    /// <summary>The notebook's cells, then a copy of every code cell from the last to the first.</summary>
    private static Notebook RunAllThenReverse(Notebook stored)
    {
        var root = (JsonObject)stored.Root.DeepClone();
        var cells = root["cells"]!.AsArray();
        var again = cells.OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code").Reverse().Select(c => c.DeepClone()).ToList();
        foreach (var cell in again)
        {
            cell["id"] = (string?)cell["id"] + "-again";
            cells.Add(cell);
        }

        // Same path, so the set-up cells find build-lib.csx and the library as the real notebook does.
        return new Notebook(root, stored.Format, stored.Style, stored.Path);
    }

    private static IReadOnlyList<IReadOnlyList<CellOutput>> FirstPass(Notebook stored, Notebook executed) =>
        executed.Cells.Take(stored.Cells.Count).Where(c => c.IsCode).Select(c => c.Outputs).ToList();

    private static IReadOnlyList<IReadOnlyList<CellOutput>> SecondPass(Notebook stored, Notebook executed) =>
        executed.Cells.Skip(stored.Cells.Count).Reverse().Select(c => c.Outputs).ToList();

    /// <summary>A copy of <paramref name="stored"/> whose code cells carry <paramref name="outputs"/>, in order.</summary>
    private static Notebook WithOutputs(Notebook stored, IReadOnlyList<IReadOnlyList<CellOutput>> outputs)
    {
        var copy = stored.Clone();
        foreach (var (cell, cellOutputs) in copy.Cells.Where(c => c.IsCode).Zip(outputs))
        {
            cell.SetOutputs(cellOutputs);
        }

        return copy;
    }
}
