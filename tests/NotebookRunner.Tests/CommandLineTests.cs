using System.Text;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>The command line as a user meets it: exit codes, messages, --update, --check, --out, working directory.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("malformed/truncated.ipynb", "truncated.ipynb(19,7): invalid JSON: Expected end of string, but instead reached end of data.")]
    [InlineData("malformed/nbformat3.ipynb", "unsupported nbformat 3: this runner reads nbformat 4")]
    [InlineData("malformed/no-source.ipynb", "cell 2 has no \"source\"")]
    public async Task An_unreadable_notebook_exits_2_naming_the_file_and_the_reason(string fixture, string expected)
    {
        var run = await RunnerProcess.RunAsync("run", Fixtures.PathOf(fixture), "--out", Fixtures.TempFolder());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_JSON_is_reported_with_line_and_column()
    {
        var run = await RunnerProcess.RunAsync("run", Fixtures.PathOf("malformed/truncated.ipynb"), "--out", Fixtures.TempFolder());
        Assert.Matches(@"truncated\.ipynb\(\d+,\d+\): invalid JSON", run.All);
    }

    [Fact]
    public async Task Two_notebooks_of_one_name_exit_2_instead_of_overwriting_each_other()
    {
        var english = Fixtures.PathOf("editions/x.ipynb");
        var korean = Fixtures.PathOf("editions/ko/x.ipynb");
        var run = await RunnerProcess.RunAsync("run", english, korean, "--out", Fixtures.TempFolder());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("would both be written as x.ipynb", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_file_exits_2()
    {
        var file = Path.Combine(Fixtures.TempFolder(), "binary.ipynb");
        await File.WriteAllBytesAsync(file, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF]);
        var run = await RunnerProcess.RunAsync("run", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("binary.ipynb: not a text file", run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--timeout", "soon")]
    [InlineData("--frobnicate")]
    [InlineData("walk")]
    public async Task Bad_usage_exits_2_with_the_usage_text(params string[] args)
    {
        var run = await RunnerProcess.RunAsync(args[0] == "walk" ? args : ["run", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: dotnet run --project lib/NotebookRunner -- run", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_run_exits_0_writes_the_executed_copy_and_leaves_the_source_alone()
    {
        var folder = Fixtures.Copy("rules/workdir");
        var source = Path.Combine(folder, "workdir.ipynb");
        var before = await File.ReadAllBytesAsync(source);
        var output = Path.Combine(folder, "out");
        var run = await RunnerProcess.RunAsync("run", source, "--out", output);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(before, await File.ReadAllBytesAsync(source));
        var executed = await File.ReadAllTextAsync(Path.Combine(output, "workdir.ipynb"));
        Assert.Contains("data next to the notebook", executed, StringComparison.Ordinal);

        // The working directory is the notebook's folder.
        Assert.Contains($"\"{Path.GetFileName(folder)}\"", executed, StringComparison.Ordinal);
        Assert.Matches(@"workdir\.ipynb  cell 3/3  ok  \d+\.\d{3} s", run.Output);
        Assert.Matches(@"workdir\.ipynb\s+3\s+3\s+0\s+0\s+\d+\.\d{3}\s+ok", run.Output);
    }

    [Fact]
    public async Task A_failing_cell_exits_1_and_the_next_notebook_still_runs()
    {
        var folder = Fixtures.TempFolder();
        File.Copy(Fixtures.PathOf("rules/exception.ipynb"), Path.Combine(folder, "1-exception.ipynb"));
        File.Copy(Fixtures.PathOf("dib/sample.dib"), Path.Combine(folder, "2-sample.dib"));
        var run = await RunnerProcess.RunAsync("run", folder, "--out", Path.Combine(folder, "out"), "--jobs", "1");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1-exception.ipynb  cell 3/3  skipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: the message", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"2-sample\.dib\s+3\s+3\s+0\s+0\s+\d+\.\d{3}\s+ok", run.Output);
        Assert.True(File.Exists(Path.Combine(folder, "out", "2-sample.ipynb")));
    }

    [Fact]
    public async Task A_timed_out_cell_exits_1_and_the_runner_does_not_hang()
    {
        var run = await RunnerProcess.RunAsync("run", Fixtures.Copy("rules/timeout.ipynb"), "--timeout", "45", "--out", Fixtures.TempFolder());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cell 2/3  TIMEOUT", run.Output, StringComparison.Ordinal);
        Assert.Contains("cell 3/3  skipped", run.Output, StringComparison.Ordinal);
        Assert.True(run.Duration < TimeSpan.FromSeconds(150), run.Duration.ToString());
    }

    [Fact]
    public async Task Update_writes_outputs_back_once_and_then_leaves_the_file_byte_identical()
    {
        var notebook = Fixtures.Copy("rules/display.ipynb");
        var first = await RunnerProcess.RunAsync("run", notebook, "--update", "--out", Fixtures.TempFolder());
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("update display.ipynb: written", first.Output, StringComparison.Ordinal);
        var updated = await File.ReadAllBytesAsync(notebook);
        Assert.Contains("\"out line\\n\"", Encoding.UTF8.GetString(updated), StringComparison.Ordinal);
        var stamp = File.GetLastWriteTimeUtc(notebook);

        var second = await RunnerProcess.RunAsync("run", notebook, "--update", "--out", Fixtures.TempFolder());
        Assert.Contains("update display.ipynb: outputs unchanged", second.Output, StringComparison.Ordinal);
        Assert.Equal(updated, await File.ReadAllBytesAsync(notebook));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(notebook));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(notebook)!, "*.tmp"));
    }

    [Fact]
    public async Task Update_on_a_dib_says_so_and_changes_nothing()
    {
        var notebook = Fixtures.Copy("dib/sample.dib");
        var before = await File.ReadAllBytesAsync(notebook);
        var run = await RunnerProcess.RunAsync("run", notebook, "--update", "--out", Fixtures.TempFolder());
        Assert.Contains("a .dib stores no outputs; left unchanged", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(notebook));
    }

    [Fact]
    public async Task Check_passes_on_fresh_outputs_and_prints_a_diff_per_drifted_cell()
    {
        var notebook = Fixtures.Copy("charts/charts.ipynb");
        var update = await RunnerProcess.RunAsync("run", notebook, "--update", "--out", Fixtures.TempFolder());
        Assert.True(update.ExitCode == 0, update.All);

        // Plotly ids differ from run to run and are normalised away.
        var text = (await File.ReadAllTextAsync(notebook)).Replace("plotly-0a1b2c3d4e", "plotly-ffffffffff", StringComparison.Ordinal);
        await File.WriteAllTextAsync(notebook, text);
        var same = await RunnerProcess.RunAsync("run", notebook, "--check", "--out", Fixtures.TempFolder());
        Assert.True(same.ExitCode == 0, same.All);
        Assert.Contains("check  charts.ipynb: outputs match", same.Output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(notebook, text.Replace("\\\"y\\\":[3,2,1]", "\\\"y\\\":[3,2,0]", StringComparison.Ordinal));
        var drift = await RunnerProcess.RunAsync("run", notebook, "--check", "--out", Fixtures.TempFolder());
        Assert.Equal(1, drift.ExitCode);
        Assert.Contains("drift  charts.ipynb cell 2", drift.Output, StringComparison.Ordinal);
        Assert.Matches(@"- .*\[3,2,0\]", drift.Output);
        Assert.Matches(@"\+ .*\[3,2,1\]", drift.Output);
    }
}
