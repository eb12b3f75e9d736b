using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Engine.Kernel;

namespace NotebookRunner.Tests;

/// <summary>How one cell's kernel events become its outputs, event by event, without a kernel.</summary>
public sealed class CellOutputCollectorTests
{
    private static readonly SubmitCode Cell = new("cell");

    private static StandardOutputValueProduced Out(string text) => new(Cell, [new FormattedValue("text/plain", text)]);

    private static StandardErrorValueProduced Err(string text) => new(Cell, [new FormattedValue("text/plain", text)]);

    private static DisplayedValueProduced Shown(string text, string id) => new(text, Cell, [new FormattedValue("text/plain", text)], id);

    private static DisplayedValueUpdated Updated(string text, string id) => new(text, id, Cell, [new FormattedValue("text/plain", text)]);

    private static List<string> Describe(CellOutputCollector collector) => collector.Outputs
        .Select(o => o.Kind == OutputKind.Stream ? $"{o.StreamName}:{o.Text}" : o.IsError ? $"error:{o.ErrorValue}" : $"display:{o.Data["text/plain"]}")
        .ToList();

    [Fact]
    public void Consecutive_writes_to_one_stream_are_one_output_and_any_other_output_ends_it()
    {
        var collector = new CellOutputCollector();
        foreach (var e in new KernelEvent[] { Out("a\n"), Out("b\n"), Err("warn\n"), Out("c\n"), Shown("chart", "v1"), Out("d\n") })
        {
            collector.Add(e);
        }

        collector.AddError("stopped");
        collector.Add(Out("e\n"));
        Assert.Equal(["stdout:a\nb\n", "stderr:warn\n", "stdout:c\n", "display:chart", "stdout:d\n", "error:stopped", "stdout:e\n"], Describe(collector));
    }

    [Fact]
    public void An_update_replaces_its_display_in_place_and_the_stream_after_it_goes_on()
    {
        var collector = new CellOutputCollector();
        foreach (var e in new KernelEvent[] { Shown("installing", "p"), Out("1\n"), Updated("installed", "p"), Out("2\n") })
        {
            collector.Add(e);
        }

        Assert.Equal(["display:installed", "stdout:1\n2\n"], Describe(collector));
        Assert.Equal("", collector.ErrorText);
    }

    [Fact]
    public void Twenty_thousand_writes_are_one_output_with_every_line()
    {
        var collector = new CellOutputCollector();
        for (var i = 0; i < 20_000; i++)
        {
            collector.Add(Out($"{i}\n"));
        }

        var output = Assert.Single(collector.Outputs);
        Assert.Equal(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i}\n")), output.Text);
    }
}
