using NotebookRunner.Engine.Formats;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>Compile errors, exceptions, raises-exception, timeouts and other kernels, as the real kernel reports them.</summary>
public sealed class ErrorRulesTests
{
    [Fact]
    public async Task A_compile_error_lists_diagnostics_with_cell_relative_lines_and_skips_the_rest()
    {
        var result = await Run.FixtureAsync("rules/compile-error.ipynb");
        var error = Assert.Single(result.Outputs(2));
        Assert.Equal(OutputKind.Error, error.Kind);
        Assert.Equal("(2,9): error CS0029: Cannot implicitly convert type 'string' to 'int'", error.ErrorValue);
        Assert.Equal([CellRunStatus.Passed, CellRunStatus.Failed, CellRunStatus.Skipped], result.Cells.Select(c => c.Status));
        Assert.Empty(result.Outputs(3));
        Assert.Null(result.Executed.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task An_exception_is_an_error_output_with_the_kernels_message()
    {
        var result = await Run.FixtureAsync("rules/exception.ipynb");
        var error = Assert.Single(result.Outputs(2));
        // VS Code stores a .NET kernel's failure as an error named "Error" whose value is the kernel's message.
        Assert.Equal("Error", error.ErrorName);
        Assert.StartsWith("System.InvalidOperationException: the message\n   at Submission#", error.ErrorValue, StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException: the message", error.Traceback[0]);
        Assert.Equal(CellRunStatus.Skipped, result.Status(3));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Continue_on_error_runs_the_cells_after_a_failure()
    {
        var result = await Run.FixtureAsync("rules/exception.ipynb", ExecutionSettings.Default with { ContinueOnError = true });
        Assert.Equal(CellRunStatus.Passed, result.Status(3));
        Assert.Equal("never runs\n", Assert.Single(result.Outputs(3)).Text);
        Assert.Equal(1, result.Failed);
    }

    [Fact]
    public async Task A_raises_exception_cell_passes_when_it_throws_and_fails_when_it_does_not()
    {
        var result = await Run.FixtureAsync("rules/raises.ipynb");
        Assert.Equal([CellRunStatus.ExpectedError, CellRunStatus.Passed, CellRunStatus.Failed], result.Cells.Select(c => c.Status));
        Assert.StartsWith("System.FormatException: ", Assert.Single(result.Outputs(1)).ErrorValue, StringComparison.Ordinal);
        Assert.Equal("running", Assert.Single(result.Outputs(2)).Data["text/plain"]);
        Assert.Contains("raises-exception", result.Cells[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_past_the_timeout_is_stopped_its_outputs_kept_and_the_rest_skipped()
    {
        // The limit leaves room for the kernel's first C# cell, which compiles for a few seconds on a busy machine.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await Run.FixtureAsync("rules/timeout.ipynb", new ExecutionSettings(TimeSpan.FromSeconds(45)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(150), $"took {clock.Elapsed}");
        Assert.Equal([CellRunStatus.Passed, CellRunStatus.TimedOut, CellRunStatus.Skipped], result.Cells.Select(c => c.Status));
        var outputs = result.Outputs(2);
        Assert.Equal("start\n", outputs[0].Text);
        Assert.Equal("The cell ran past its time limit of 45 s and was stopped.", outputs[^1].ErrorValue);
        Assert.Equal("skipped: cell 2 timed out", result.Cells[2].Message);
    }

    [Fact]
    public async Task Every_kernel_of_the_notebook_runs_in_the_real_kernel_markdown_is_not_run()
    {
        var result = await Run.FixtureAsync("rules/kernels.ipynb", ExecutionSettings.Default with { ContinueOnError = true });
        Assert.Equal(4, result.Cells.Count);
        Assert.All(result.Cells, c => Assert.Equal(CellRunStatus.Passed, c.Status));
        Assert.Equal("<p id=\"raw\">html cell</p>", Assert.Single(result.Outputs(1)).Data["text/html"]);
        Assert.Contains("graph LR\n  A --> B", Assert.Single(result.Outputs(2)).Data["text/html"], StringComparison.Ordinal);
        Assert.Equal("<em>magic</em>", Assert.Single(result.Outputs(3)).Data["text/html"]);
        Assert.Equal("from F# 42\n", Assert.Single(result.Outputs(4)).Text);
    }

    [Fact]
    public async Task Load_and_relative_paths_resolve_against_the_notebook_folder()
    {
        var result = await Run.FixtureAsync("rules/workdir/workdir.ipynb", ExecutionSettings.Default with { ContinueOnError = true });
        Assert.Equal("loaded from helper.csx", Assert.Single(result.Outputs(1)).Data["text/plain"]);
    }
}
