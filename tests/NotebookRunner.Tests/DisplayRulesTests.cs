using NotebookRunner.Engine.Formats;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>Fixtures/rules/display.ipynb: what a cell shows in the real kernel, stored as VS Code Polyglot stores it.</summary>
public sealed class DisplayRulesTests
{
    private static readonly Lazy<Task<NotebookRunResult>> Result = new(() => Run.FixtureAsync("rules/display.ipynb"));

    [Fact]
    public async Task Every_cell_runs()
    {
        var result = await Result.Value;
        Assert.All(result.Cells, c => Assert.Equal(CellRunStatus.Passed, c.Status));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => (int?)n), result.Executed.Cells.Where(c => c.IsCode).Select(c => c.ExecutionCount));
    }

    [Fact]
    public async Task A_trailing_string_is_plain_text()
    {
        var output = Assert.Single((await Result.Value).Outputs(1));
        Assert.Equal(OutputKind.DisplayData, output.Kind);
        Assert.Equal("a string", Assert.Single(output.Data, d => d.Key == "text/plain").Value);
    }

    [Fact]
    public async Task A_trailing_number_goes_through_the_formatter_as_html()
    {
        var output = Assert.Single((await Result.Value).Outputs(2));
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>2</pre></div>", output.Data["text/html"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_ending_in_a_semicolon_displays_nothing() =>
        Assert.Empty((await Result.Value).Outputs(3));

    [Fact]
    public async Task Console_out_and_error_become_streams_in_order()
    {
        var outputs = (await Result.Value).Outputs(4);
        Assert.Equal(["Stream stdout: out line\n", "Stream stderr: err line\n", "Stream stdout: more out"], outputs.Select(o => $"{o.Kind} {o.StreamName}: {o.Text}"));
    }

    [Fact]
    public async Task Display_HTML_and_the_Display_extension_each_add_an_output()
    {
        var outputs = (await Result.Value).Outputs(5);
        Assert.Equal(3, outputs.Count);
        Assert.Equal("shown", outputs[0].Data["text/plain"]);
        Assert.Equal("<b>bold</b>", outputs[1].Data["text/html"]);
        Assert.Equal("42", outputs[2].Data["text/plain"]);
    }

    [Fact]
    public async Task A_formatter_registered_by_the_notebook_is_used() =>
        Assert.Equal("<i>(1, 2)</i>", Assert.Single((await Result.Value).Outputs(6)).Data["text/html"]);

    [Fact]
    public async Task Default_usings_await_and_the_invariant_culture_the_runner_sets_work()
    {
        var outputs = (await Result.Value).Outputs(7);
        Assert.Equal("1.5\ninvariant\n", outputs[0].Text);
        Assert.Equal("x", outputs[1].Data["text/plain"]);
    }

    [Fact]
    public async Task A_void_call_displays_nothing_but_its_console_text()
    {
        var output = Assert.Single((await Result.Value).Outputs(8));
        Assert.Equal(OutputKind.Stream, output.Kind);
    }
}
