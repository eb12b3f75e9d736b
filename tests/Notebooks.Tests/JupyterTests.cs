using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner.Engine.Checking;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>
/// The way on after Polyglot Notebooks: every chapter notebook executed through Jupyter (nbclient driving the
/// <c>.net-csharp</c> kernelspec the repository ships in notebooks/kernelspec, started in the notebook's
/// folder) raises nowhere but in cells tagged raises-exception, and shows what the file stores. Needs Debian's
/// python3-nbclient and the kernelspec; without them the tests are skipped, except under CI=true.
/// </summary>
public sealed class JupyterTests(JupyterRuns runs) : IClassFixture<JupyterRuns>
{
    public static TheoryData<string> ChapterNotebooks() => new(ChapterNotebookFiles());

    private static IEnumerable<string> ChapterNotebookFiles() =>
        Directory.GetFiles(RepositoryPaths.Notebooks, "5.*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [Fact]
    public void The_chapter_notebooks_are_found()
    {
        Assert.Equal(["5.4-simple-layers.ipynb", "5.5-activation-layers.ipynb", "5.6-affine-softmax.ipynb", "5.7-two-layer-net.ipynb"], ChapterNotebookFiles());
    }

    [JupyterFact]
    public async Task The_kernelspec_starts_the_pinned_kernel_from_the_notebooks_folder()
    {
        // Jupyter starts a kernel in its notebook's folder; the spec's `dotnet interactive` (the installed spec is the
        // shipped one: KernelSocketsTests) must find the local tool there.
        var version = await Jupyter.RunAsync("dotnet", ["interactive", "--version"], RepositoryPaths.Notebooks);
        Assert.True(version.ExitCode == 0, version.All);
        Assert.StartsWith(Jupyter.PinnedKernelVersion + "+", version.Stdout.Trim(), StringComparison.Ordinal);
    }

    [JupyterTheory]
    [MemberData(nameof(ChapterNotebooks))]
    public async Task Only_cells_tagged_raises_exception_raise_in_Jupyter(string fileName)
    {
        var run = await runs.GetAsync(fileName);
        var problems = VisibleOutputs.ErrorProblems(run.Stored, run.Executed);
        Assert.True(problems.Count == 0, $"{fileName} through Jupyter:\n{string.Join("\n", problems)}\n{run.Log}");
    }

    [JupyterTheory]
    [MemberData(nameof(ChapterNotebooks))]
    public async Task Jupyter_shows_the_stored_outputs(string fileName)
    {
        var run = await runs.GetAsync(fileName);
        var drifts = VisibleOutputs.Compare(run.Stored, run.Executed);
        Assert.True(drifts.Count == 0, $"{fileName}: Jupyter shows other outputs than the file stores:\n{string.Join("\n", drifts)}");
    }

    // The comparison itself, on outputs written out by hand in the shapes each front end produces.

    [Fact]
    public void Jupyter_outputs_compare_equal_to_the_Polyglot_outputs_they_show()
    {
        var stored = Cell(
            """{"output_type":"stream","name":"stdout","text":["a = 1\n","b = 2\n"]}""",
            """{"output_type":"display_data","data":{"text/html":"<div id=\"plotly-0123456789abcdef\">x</div>"},"metadata":{}}""",
            """{"output_type":"display_data","data":{"text/plain":"[[1. 2.]]"},"metadata":{}}""");
        var jupyter = Cell(
            """{"output_type":"display_data","data":{"text/html":"\r\n<div>\r\n<div id='dotnet-interactive-this-cell-$CACHE_BUSTER$' style='display: none'></div><script>loadDotnetInteractiveApi();</script></div>"},"metadata":{}}""",
            """{"output_type":"stream","name":"stdout","text":"a = 1\n"}""",
            """{"output_type":"stream","name":"stdout","text":"b = 2\n"}""",
            """{"output_type":"display_data","data":{"text/html":"<div id=\"plotly-fedcba9876543210\">x</div>"},"metadata":{}}""",
            """{"output_type":"execute_result","execution_count":3,"data":{"text/plain":"[[1. 2.]]"},"metadata":{}}""");
        Assert.Equal(VisibleOutputs.OfStored(stored), VisibleOutputs.OfJupyter(jupyter));
    }

    [Theory]
    [InlineData("""{"output_type":"stream","name":"stdout","text":"a = 1\nb = 3\n"}""")]
    [InlineData("""{"output_type":"stream","name":"stderr","text":"a = 1\nb = 2\n"}""")]
    [InlineData("""{"output_type":"display_data","data":{"text/html":"a = 1\nb = 2\n"},"metadata":{}}""")]
    public void A_changed_output_is_a_difference(string jupyterOutput)
    {
        var stored = Cell("""{"output_type":"stream","name":"stdout","text":["a = 1\n","b = 2\n"]}""");
        Assert.NotEqual(VisibleOutputs.OfStored(stored), VisibleOutputs.OfJupyter(Cell(jupyterOutput)));
    }

    [Fact]
    public void A_compilation_error_compares_by_its_diagnostics()
    {
        // Polyglot's error output is the CommandFailed message, the error diagnostics one per line; Jupyter's kernel
        // prints the diagnostics to stderr (blank lines between) and sends the error as "compilation error".
        var stored = Cell("""{"output_type":"error","ename":"Error","evalue":"(5,27): error CS0161: 'F()': not all code paths return a value\n(16,9): error CS0103: The name 'seelf' does not exist in the current context","traceback":[]}""");
        var jupyter = Cell(
            """{"output_type":"stream","name":"stderr","text":"\n(5,27): error CS0161: 'F()': not all code paths return a value\n\n(16,9): error CS0103: The name 'seelf' does not exist in the current context\n\n"}""",
            """{"output_type":"error","ename":"Error","evalue":"compilation error","traceback":[]}""");
        Assert.Equal(VisibleOutputs.OfStored(stored), VisibleOutputs.OfJupyter(jupyter));

        var other = Cell(
            """{"output_type":"stream","name":"stderr","text":"\n(5,27): error CS0161: 'F()': not all code paths return a value\n\n"}""",
            """{"output_type":"error","ename":"Error","evalue":"compilation error","traceback":[]}""");
        Assert.NotEqual(VisibleOutputs.OfStored(stored), VisibleOutputs.OfJupyter(other));
    }

    [Fact]
    public void Diagnostics_of_a_cell_that_ran_are_a_difference()
    {
        // Polyglot underlines a warning in the editor; Jupyter prints it under the cell, where the student reads it.
        var stored = Cell("""{"output_type":"stream","name":"stdout","text":"done\n"}""");
        var jupyter = Cell(
            """{"output_type":"stream","name":"stdout","text":"done\n"}""",
            """{"output_type":"stream","name":"stderr","text":"\n(8,56): info CS9236: Compiling requires binding the lambda expression at least 100 times.\n\n"}""");
        Assert.NotEqual(VisibleOutputs.OfStored(stored), VisibleOutputs.OfJupyter(jupyter));
    }

    [Fact]
    public void A_runtime_error_compares_by_its_message_without_the_stack_trace()
    {
        const string Message = "System.ArgumentException: operands could not be broadcast together with shapes (3,2,4) (4,1)";
        var stored = Cell(Error(Message + "\n   at Backprop.Broadcasting.Add(Tensor`1 a) in /home/lead/repo/lib/Backprop/Broadcasting.cs:line 20\n   at Submission#19.<<Initialize>>d__0.MoveNext()"));
        var jupyter = Cell(Error(Message + "\n   at Backprop.Broadcasting.Add(Tensor`1 a) in /ci/clone/lib/Backprop/Broadcasting.cs:line 21\n   at Submission#21.<<Initialize>>d__0.MoveNext()\n--- End of stack trace from previous location ---"));
        Assert.Equal(VisibleOutputs.OfStored(stored), VisibleOutputs.OfJupyter(jupyter));
        Assert.NotEqual(VisibleOutputs.OfStored(stored), VisibleOutputs.OfJupyter(Cell(Error("System.ArgumentException: shapes (3,2) (4,1)"))));
    }

    [Fact]
    public void Errors_are_found_outside_raises_exception_cells_and_missing_inside_them()
    {
        var stored = Notebook.Create([("csharp", "throw new Exception(\"meant\");"), ("csharp", "1 + 1"), ("csharp", "2 + 2")]);
        ((JsonObject)stored.Cells[0].Json["metadata"]!)["tags"] = new JsonArray("raises-exception");
        stored = new Notebook(stored.Root, stored.Format, stored.Style);
        var executed = stored.Clone();
        executed.Cells[0].SetOutputs([]);
        executed.Cells[1].SetOutputs([CellOutput.FromJson(Error("System.Exception: not meant"))]);
        executed.Cells[2].SetOutputs([CellOutput.DisplayData("text/plain", "4")]);

        var problems = VisibleOutputs.ErrorProblems(stored, executed);

        Assert.Equal(2, problems.Count);
        Assert.Contains("code cell 1", problems[0], StringComparison.Ordinal);
        Assert.Contains("code cell 2", problems[1], StringComparison.Ordinal);
        Assert.Contains("not meant", problems[1], StringComparison.Ordinal);
    }

    private static JsonObject Error(string value) =>
        new() { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = value, ["traceback"] = new JsonArray() };

    private static List<CellOutput> Cell(params JsonObject[] outputs) => outputs.Select(CellOutput.FromJson).ToList();

    private static List<CellOutput> Cell(params string[] outputs) => outputs.Select(o => CellOutput.FromJson(JsonNode.Parse(o)!.AsObject())).ToList();
}

/// <summary>
/// What a student sees under a code cell, in one shape for both front ends, so outputs stored by VS Code Polyglot
/// (or the runner, which stores them its way) compare with outputs executed through Jupyter.
/// <list type="bullet">
/// <item>execute_result (Jupyter's return value) and display_data are both a display; a display shows text/html when it
/// has it, else text/plain.</item>
/// <item>Consecutive stream outputs of one name are one text: Jupyter keeps one output per write, Polyglot joins them.</item>
/// <item>An error shows its message without the stack trace (whose frames name the clone's folder and line numbers);
/// for a compilation error that is the error diagnostics, which Jupyter prints to stderr before an error that only
/// says "compilation error".</item>
/// <item>Jupyter only: the kernel's hidden bootstrap script (a display:none div and a script, in the first cell) is
/// dropped; compiler diagnostics of a cell that ran stay (Jupyter prints them to stderr; Polyglot only underlines them).</item>
/// <item>Then the runner's <see cref="OutputNormalizer"/>: Plotly div ids, GUIDs, timings, submission numbers.</item>
/// </list>
/// </summary>
internal static partial class VisibleOutputs
{
    [GeneratedRegex(@"^\(\d+,\d+\): (?<severity>error|warning|info|hidden) [A-Z]+\d+: ")]
    private static partial Regex Diagnostic();

    public static IReadOnlyList<string> OfStored(IEnumerable<CellOutput> outputs) => Shape(outputs.ToList());

    public static IReadOnlyList<string> OfJupyter(IEnumerable<CellOutput> outputs)
    {
        var list = outputs.Where(o => !IsKernelBootstrap(o)).ToList();
        if (list.FirstOrDefault(o => o.IsError && o.ErrorValue == "compilation error") is { } failure)
        {
            var diagnostics = list.Where(IsDiagnostics).ToList();
            var errors = diagnostics.SelectMany(d => Lines(d.Text)).Where(l => Diagnostic().Match(l).Groups["severity"].Value == "error");
            list = list.Where(o => !diagnostics.Contains(o))
                .Select(o => o == failure ? CellOutput.Error(o.ErrorName, string.Join("\n", errors), []) : o)
                .ToList();
        }

        return Shape(list);
    }

    /// <summary>One line per code cell whose Jupyter outputs differ from the stored ones, with both sides.</summary>
    public static IReadOnlyList<string> Compare(Notebook stored, Notebook executed)
    {
        var drifts = new List<string>();
        foreach (var (number, before, after) in CodeCells(stored, executed))
        {
            var expected = OfStored(before.Outputs);
            var actual = OfJupyter(after.Outputs);
            if (!expected.SequenceEqual(actual))
            {
                drifts.Add($"code cell {number} (cell {before.Index}):\n  stored:  {Show(expected)}\n  jupyter: {Show(actual)}");
            }
        }

        return drifts;
    }

    /// <summary>Errors where the cell is not tagged raises-exception, and tagged cells that did not raise.</summary>
    public static IReadOnlyList<string> ErrorProblems(Notebook stored, Notebook executed)
    {
        var problems = new List<string>();
        foreach (var (number, before, after) in CodeCells(stored, executed))
        {
            var error = after.Outputs.FirstOrDefault(o => o.IsError);
            if (before.RaisesException && error is null)
            {
                problems.Add($"code cell {number} (cell {before.Index}) is tagged raises-exception but raised nothing");
            }
            else if (!before.RaisesException && error is not null)
            {
                problems.Add($"code cell {number} (cell {before.Index}) raised: {Truncate(ErrorText(error.ErrorValue), 400)}");
            }
        }

        return problems;
    }

    private static IEnumerable<(int Number, NotebookCell Stored, NotebookCell Executed)> CodeCells(Notebook stored, Notebook executed)
    {
        var before = stored.Cells.Where(c => c.IsCode).ToList();
        var after = executed.Cells.Where(c => c.IsCode).ToList();
        if (before.Count != after.Count)
        {
            throw new InvalidOperationException($"{before.Count} code cells stored, {after.Count} executed");
        }

        return before.Zip(after).Select((pair, i) => (i + 1, pair.First, pair.Second));
    }

    private static List<string> Shape(List<CellOutput> outputs)
    {
        var shown = new List<string>();
        string? streamName = null;
        var stream = new StringBuilder();
        foreach (var output in outputs)
        {
            if (output.Kind == OutputKind.Stream && output.StreamName == streamName)
            {
                stream.Append(output.Text);
                continue;
            }

            FlushStream();
            switch (output.Kind)
            {
                case OutputKind.Stream:
                    streamName = output.StreamName;
                    stream.Append(output.Text);
                    break;
                case OutputKind.Error:
                    shown.Add("[error] " + OutputNormalizer.Normalize(ErrorText(output.ErrorValue)));
                    break;
                default:
                    var mime = output.Data.ContainsKey("text/html") ? "text/html"
                        : output.Data.ContainsKey("text/plain") ? "text/plain"
                        : output.Data.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
                    shown.Add(mime is null ? "[display]" : $"[display {mime}] " + OutputNormalizer.Normalize(output.Data[mime]).TrimEnd('\n'));
                    break;
            }
        }

        FlushStream();
        return shown;

        void FlushStream()
        {
            if (streamName is not null)
            {
                shown.Add($"[{streamName}] " + OutputNormalizer.Normalize(stream.ToString()));
            }

            streamName = null;
            stream.Clear();
        }
    }

    /// <summary>An error message without its stack trace: the lines that do not start with white space or "---".</summary>
    private static string ErrorText(string value) =>
        string.Join("\n", Lines(value).Where(l => !char.IsWhiteSpace(l[0]) && !l.StartsWith("---", StringComparison.Ordinal)));

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0);

    /// <summary>A stderr stream that holds nothing but compiler diagnostics: the kernel's DiagnosticsProduced in Jupyter.</summary>
    private static bool IsDiagnostics(CellOutput output) =>
        output is { Kind: OutputKind.Stream, StreamName: "stderr" } && Lines(output.Text).Any() && Lines(output.Text).All(l => Diagnostic().IsMatch(l));

    /// <summary>The script the kernel sends with its first Jupyter cell to reach its HTTP API; it renders nothing.</summary>
    private static bool IsKernelBootstrap(CellOutput output) =>
        output.Kind == OutputKind.DisplayData && output.Data.Count == 1 &&
        output.Data.TryGetValue("text/html", out var html) &&
        html.Contains("id='dotnet-interactive-this-cell-", StringComparison.Ordinal) &&
        html.Contains("loadDotnetInteractiveApi", StringComparison.Ordinal);

    private static string Show(IReadOnlyList<string> outputs) =>
        outputs.Count == 0 ? "(nothing)" : string.Join("\n           ", outputs.Select(o => Truncate(o.Replace("\n", "⏎", StringComparison.Ordinal), 300)));

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>
/// The chapter notebooks executed through Jupyter, each once for all the tests that read it, one kernel at a time
/// (kernels started together race for the same HTTP port, and the machine is shared).
/// </summary>
public sealed class JupyterRuns : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<JupyterRun>>> runs = new();
    private readonly SemaphoreSlim oneAtATime = new(1);
    private readonly string folder = Directory.CreateTempSubdirectory("jupyter-tests-").FullName;

    public Task<JupyterRun> GetAsync(string fileName) => runs.GetOrAdd(fileName, name => new Lazy<Task<JupyterRun>>(() => ExecuteAsync(name))).Value;

    public void Dispose()
    {
        oneAtATime.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<JupyterRun> ExecuteAsync(string fileName)
    {
        await oneAtATime.WaitAsync();
        try
        {
            var stored = NotebookReader.Read(RepositoryPaths.Notebook(fileName));
            var output = Path.Combine(folder, fileName);
            var run = await Jupyter.HelperAsync(stored.Path, output);
            Assert.True(File.Exists(output), $"{fileName}: nbclient wrote nothing (exit {run.ExitCode}):\n{run.All}");
            var log = run.ExitCode == 0 ? "" : $"nbclient exit {run.ExitCode}:\n{Tail(run.Stderr)}";
            return new JupyterRun(stored, NotebookReader.Read(output), log);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];
}

public sealed record JupyterRun(Notebook Stored, Notebook Executed, string Log);

/// <summary>The Python helper (jupyter/execute_notebook.py, copied beside the tests) and the tools it needs.</summary>
internal static class Jupyter
{
    private static readonly Lazy<string?> Missing = new(FindMissing);

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Debian's python3, where apt installs python3-nbclient, before any other python3 on the PATH.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static string Helper => Path.Combine(AppContext.BaseDirectory, "jupyter", "execute_notebook.py");

    /// <summary>The microsoft.dotnet-interactive version in .config/dotnet-tools.json.</summary>
    public static string PinnedKernelVersion =>
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".config", "dotnet-tools.json")))!["tools"]!["microsoft.dotnet-interactive"]!["version"]!;

    /// <summary>Why the Jupyter tests are skipped here, or null: they never are under CI=true.</summary>
    public static string? SkipReason => IsCi || Missing.Value is not { } reason
        ? null
        : $"{reason}; run under CI=true to require it";

    public static Task<ProcessRun> HelperAsync(params string[] arguments) =>
        RunAsync(Python, [Helper, .. arguments], RepositoryPaths.Root);

    public static async Task<ProcessRun> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The kernel inherits this environment. A fixed culture keeps printed numbers machine-independent, and the
        // variables MSBuild and `dotnet test` pass down would point the kernel's own builds at this SDK's internals.
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    private static string? FindMissing()
    {
        try
        {
            var probe = HelperAsync("--probe").GetAwaiter().GetResult();
            return probe.ExitCode == 0 ? null : probe.All.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{Python} is not installed (apt-get install -y python3-nbclient jupyter-client)";
        }
    }
}

internal sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
{
    public string All => Stdout + Stderr;
}

/// <summary>A test that executes through Jupyter: skipped with the reason when nbclient or the kernelspec is missing, outside CI.</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute()
    {
        Skip = Jupyter.SkipReason;
    }
}

/// <summary>A theory that executes through Jupyter: skipped like <see cref="JupyterFactAttribute"/>.</summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public JupyterTheoryAttribute()
    {
        Skip = Jupyter.SkipReason;
    }
}
