using System.Diagnostics;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Kernel;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>
/// What only the real .NET Interactive kernel does: an imitation of it would fail each of these. The runner starts
/// the dotnet-interactive tool pinned in .config/dotnet-tools.json, one process per notebook.
/// </summary>
public sealed class KernelTests
{
    [Fact]
    public async Task Magic_commands_work_who_lists_the_variables_time_prints_a_wall_time_about_names_the_kernel()
    {
        var result = await Run.FixtureAsync("rules/magics.ipynb");
        Assert.True(result.Succeeded, string.Join("\n", result.Cells.Select(c => c.Message)));
        var who = Assert.Single(result.Outputs(2)).Data["text/html"];
        Assert.Matches(@"\[ alpha\s*, beta\s*\]", who);
        Assert.Matches(@"^Wall time: \d+(\.\d+)?ms$", result.Outputs(3).Single(o => o.Data.ContainsKey("text/plain")).Data["text/plain"]);
        Assert.Contains(".NET Interactive", result.Outputs(4)[0].Data["text/html"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kernel_that_exits_fails_its_notebook_naming_the_exit_code_and_keeps_the_outputs_before()
    {
        var result = await Run.FixtureAsync("rules/exit.ipynb", ExecutionSettings.Default with { ContinueOnError = true });
        Assert.Equal([CellRunStatus.Passed, CellRunStatus.Failed, CellRunStatus.Skipped], result.Cells.Select(c => c.Status));
        Assert.Equal("before\n", Assert.Single(result.Outputs(1)).Text);
        Assert.StartsWith("the .NET Interactive kernel process exited with code 3", Assert.Single(result.Outputs(2)).ErrorValue, StringComparison.Ordinal);
        Assert.Equal("skipped: the kernel exited during cell 2", result.Cells[2].Message);
        Assert.Null(result.Executed.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task A_stack_overflow_kills_the_kernel_and_is_reported_with_its_exit_code()
    {
        var result = await Run.FixtureAsync("rules/stack-overflow.ipynb");
        Assert.Equal([CellRunStatus.Failed, CellRunStatus.Skipped], result.Cells.Select(c => c.Status));
        var error = Assert.Single(result.Outputs(1)).ErrorValue;
        Assert.Matches(@"^the \.NET Interactive kernel process exited with code [1-9]\d*", error);
    }

    [Fact]
    public async Task Plotly_NET_6_without_the_FSharp_Core_redirect_fails_exactly_as_in_the_kernel()
    {
        // Plotly.NET 6.0.0 is built against FSharp.Core 10.1; the kernel has 10.0 loaded. Notebook.Setup() mends it.
        var run = await RunnerProcess.RunAsync("run", Fixtures.Copy("rules/plotly-without-redirect.ipynb"), "--out", Fixtures.TempFolder());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Could not load file or assembly 'FSharp.Core, Version=10.1.0.0", run.Output, StringComparison.Ordinal);
        Assert.Contains("plotly-without-redirect.ipynb  cell 2/2  FAILED", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_kernel_is_the_pinned_dotnet_interactive_tool_started_as_Polyglot_starts_it()
    {
        var tool = KernelTool.Locate(Fixtures.Root);
        Assert.Equal("1.0.712001", tool.Version);
        Assert.True(File.Exists(Path.Combine(tool.Root, ".config", "dotnet-tools.json")));
        ProcessStartInfo start = tool.StartInfo("/some/notebooks");
        // The pinned tool's own entry point, as `dotnet tool run dotnet-interactive --` starts it, without that go-between
        // process: a kernel that is the runner's direct child can be tied to the runner's life.
        var dll = start.ArgumentList[0];
        var folder = Path.Combine("microsoft.dotnet-interactive", "1.0.712001", "tools") + Path.DirectorySeparatorChar;
        Assert.Contains(Path.DirectorySeparatorChar + folder, dll, StringComparison.Ordinal);
        Assert.Equal("Microsoft.DotNet.Interactive.App.dll", Path.GetFileName(dll));
        Assert.Equal(["[vscode]", "stdio", "--working-dir", "/some/notebooks"], start.ArgumentList.Skip(1));
        Assert.Equal(tool.Root, start.WorkingDirectory);
        Assert.Equal("C.UTF-8", start.Environment["LC_ALL"]);
    }
}
