using System.Diagnostics;
using System.Text.Json;
using NotebookRunner.Tests.Doctor;
using NotebookRunner.Tests.Support;
using Xunit.Abstractions;

namespace NotebookRunner.Tests.Setup;

/// <summary>
/// The dev container and its set-up script (.devcontainer/): what devcontainer.json promises, its published schema,
/// and the script run as a fresh user would run it.
/// </summary>
public sealed class SetupTests(ITestOutputHelper log)
{
    private static string Repository => FakeSetup.Repository;

    private static string DevcontainerJson => Path.Combine(Repository, ".devcontainer", "devcontainer.json");

    private static JsonElement Devcontainer =>
        JsonDocument.Parse(File.ReadAllText(DevcontainerJson), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;

    [Fact]
    public void The_container_is_the_NET_10_SDK_image_with_the_three_extensions_and_the_set_up_script()
    {
        var container = Devcontainer;
        Assert.Matches(@"^mcr\.microsoft\.com/devcontainers/dotnet:(1-)?10\.", container.GetProperty("image").GetString());
        Assert.Equal("bash .devcontainer/setup.sh", container.GetProperty("postCreateCommand").GetString());
        Assert.True(File.Exists(Path.Combine(Repository, ".devcontainer", "setup.sh")));
        var extensions = container.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions").EnumerateArray().Select(e => e.GetString()).Order();
        Assert.Equal(["ms-dotnettools.csharp", "ms-dotnettools.dotnet-interactive-vscode", "ms-toolsai.jupyter"], extensions);
        var opened = container.GetProperty("customizations").GetProperty("codespaces").GetProperty("openFiles").EnumerateArray().Select(e => e.GetString()!);
        Assert.All(opened, file => Assert.True(File.Exists(Path.Combine(Repository, file)), file));
    }

    [Fact]
    public async Task The_set_up_script_restores_every_package_the_notebooks_load()
    {
        // The script derives its list from the notebooks' #r "nuget: …" lines; the same list read here by JSON.
        var expected = Directory.EnumerateFiles(Path.Combine(Repository, "notebooks"), "*.ipynb", SearchOption.AllDirectories)
            .SelectMany(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("cells").EnumerateArray())
            .SelectMany(cell => cell.GetProperty("source").EnumerateArray().Select(line => line.GetString()!))
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, "^#r \"nuget: ([^,]+), ([^\"]+)\""))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}")
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);

        // Only the list-making lines of the script (its step 6), run against this repository.
        var script = await File.ReadAllTextAsync(Path.Combine(Repository, ".devcontainer", "setup.sh"));
        var grep = script.Split('\n').Single(l => l.TrimStart().StartsWith("grep -ho '#r", StringComparison.Ordinal)).Trim().TrimEnd('|').Trim();
        var run = await Shell.RunAsync($"{grep} | sort -u | sed -E 's/#r \\\\\"nuget: ([^,]*), (.*)/\\1 \\2/'", Repository, new Dictionary<string, string?>(), TimeSpan.FromSeconds(30));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [DevcontainerSchemaFact]
    public async Task Devcontainer_json_is_valid_against_the_published_schema()
    {
        var validator = Path.Combine(Repository, "tests", "NotebookRunner.Tests", "Setup", "validate_devcontainer.py");
        var run = await Shell.RunAsync(
            $"'{ExternalTool.Python}' '{validator}' '{DevcontainerJson}' \"${DevcontainerSchemaFactAttribute.Variable}\"", Repository, new Dictionary<string, string?>(), TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.All);
    }

    /// <summary>
    /// A student's first hour, scripted: a fresh clone (what is committed, nothing else), a HOME with nothing in it
    /// (no restored tools, no NuGet packages, no Jupyter kernelspecs; only the machine's NuGet HTTP cache is kept, so
    /// that downloads do not count), .devcontainer/setup.sh, then the README's first command on 5.4 and a Jupyter run
    /// of 5.4 through the kernelspec the script installed. Both must be green, and the notebook's first cell must find
    /// the library up to date (the script built it).
    /// </summary>
    [SetupScriptFact]
    public async Task A_fresh_user_runs_the_set_up_script_then_the_README_command_and_Jupyter_are_green()
    {
        var folder = Fixtures.TempFolder();
        var home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        var clone = Path.Combine(folder, "clone");
        var environment = new Dictionary<string, string?> { ["HOME"] = home, ["NUGET_PACKAGES"] = null, ["JUPYTER_PATH"] = null, ["JUPYTER_DATA_DIR"] = null };
        var machineCache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "NuGet", "http-cache");
        if (Directory.Exists(machineCache))
        {
            environment["NUGET_HTTP_CACHE_PATH"] = machineCache;
        }

        var cloned = await Shell.RunAsync($"git clone --quiet '{Repository}' '{clone}'", folder, environment, TimeSpan.FromMinutes(5));
        Assert.True(cloned.ExitCode == 0, cloned.All);

        var clock = Stopwatch.StartNew();
        var setup = await Shell.RunAsync("bash .devcontainer/setup.sh", clone, environment, TimeSpan.FromMinutes(30));
        var setupTime = clock.Elapsed;
        Assert.True(setup.ExitCode == 0, setup.All);
        Assert.Contains("Run All should work", setup.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(home, ".local", "share", "jupyter", "kernels", ".net-csharp", "kernel.json")), setup.All);

        clock.Restart();
        var runner = await Shell.RunAsync("dotnet run --project lib/NotebookRunner -- run notebooks/5.4-simple-layers.ipynb", clone, environment, TimeSpan.FromMinutes(15));
        var runnerTime = clock.Elapsed;
        Assert.True(runner.ExitCode == 0, runner.All);

        clock.Restart();
        var executed = Path.Combine(folder, "jupyter-5.4.ipynb");
        var jupyter = await Shell.RunAsync(
            $"'{ExternalTool.Python}' tests/Notebooks.Tests/jupyter/execute_notebook.py notebooks/5.4-simple-layers.ipynb '{executed}'", clone, environment, TimeSpan.FromMinutes(15));
        var jupyterTime = clock.Elapsed;
        Assert.True(jupyter.ExitCode == 0, jupyter.All);

        // Only the cells tagged raises-exception may fail; the first cell found the library the script built.
        var cells = JsonDocument.Parse(await File.ReadAllTextAsync(executed)).RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code").ToArray();
        foreach (var cell in cells)
        {
            var tags = cell.GetProperty("metadata").TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()).ToArray() : [];
            var failed = cell.GetProperty("outputs").EnumerateArray().Any(o => o.GetProperty("output_type").GetString() == "error");
            Assert.True(!failed || tags.Contains("raises-exception"), $"cell {cell.GetProperty("id")} failed in Jupyter");
        }

        // Jupyter's first output is the kernel's own bootstrap script (display_data); the cell's words are its stream.
        var first = string.Concat(cells[0].GetProperty("outputs").EnumerateArray()
            .Where(o => o.GetProperty("output_type").GetString() == "stream")
            .Select(o => o.GetProperty("text") is { ValueKind: JsonValueKind.Array } lines ? string.Concat(lines.EnumerateArray().Select(l => l.GetString())) : o.GetProperty("text").GetString()));
        Assert.Equal("lib/Backprop.Notebooks is up to date.\n", first);
        log.WriteLine(setup.Output);
        log.WriteLine($"setup.sh {setupTime.TotalSeconds:0} s, README command on 5.4 {runnerTime.TotalSeconds:0} s, Jupyter on 5.4 {jupyterTime.TotalSeconds:0} s");
    }
}

/// <summary>A bash command line with its own environment (null removes a variable) and a time limit.</summary>
internal static class Shell
{
    public static async Task<RunnerProcess.Result> RunAsync(string command, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // dotnet test's own variables would point the clone's builds at this test host's SDK internals.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {limit.TotalMinutes:0} min:\n{await output}{await error}");
        }

        return new RunnerProcess.Result(process.ExitCode, await output, await error, clock.Elapsed);
    }
}
