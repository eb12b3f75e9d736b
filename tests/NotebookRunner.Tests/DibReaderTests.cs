using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>Polyglot's .dib text format: cells split at kernel lines, meta block read, runs like .ipynb.</summary>
public sealed class DibReaderTests
{
    [Fact]
    public void Cells_are_split_at_kernel_lines_without_surrounding_blank_lines()
    {
        var notebook = NotebookReader.Read(Fixtures.PathOf("dib/sample.dib"));
        Assert.Equal(NotebookFormat.Dib, notebook.Format);
        Assert.Equal(
            [("markdown", "# A .dib notebook\n\nPlain text, cells separated by kernel lines."),
             ("csharp", "var greeting = \"hello from .dib\";\ngreeting"),
             ("csharp", "Console.WriteLine(greeting.Length);"),
             ("html", "<b>html cell</b>")],
            notebook.Cells.Select(c => (c.CellType == "markdown" ? "markdown" : c.Kernel, c.Source)));
        Assert.Equal("html", (string?)notebook.Root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["items"]![1]!["name"]);
    }

    [Fact]
    public async Task A_dib_notebook_runs_like_an_ipynb_one()
    {
        var result = await Run.FixtureAsync("dib/sample.dib");
        Assert.All(result.Cells, c => Assert.Equal(CellRunStatus.Passed, c.Status));
        Assert.Equal("hello from .dib", Assert.Single(result.Outputs(1)).Data["text/plain"]);
        Assert.Equal("15\n", Assert.Single(result.Outputs(2)).Text);
    }

    [Fact]
    public void Without_a_meta_block_cells_default_to_csharp()
    {
        var notebook = DibReader.Parse("1 + 1\n\n#!markdown\n\ntext\n");
        Assert.Equal([(true, "1 + 1"), (false, "text")], notebook.Cells.Select(c => (c.IsCode, c.Source)));
    }
}
