using System.Text.Json.Nodes;

namespace Notebooks.Tests;

/// <summary>The committed files as VS Code Polyglot Notebooks writes them, and what the README promises.</summary>
public sealed class NotebookFormatTests
{
    private static readonly string[] Names =
        ["5.4-simple-layers.ipynb", "5.5-activation-layers.ipynb", "5.6-affine-softmax.ipynb", "5.7-two-layer-net.ipynb"];

    public static TheoryData<string> ChapterNotebooks { get; } = new(Names);

    [Theory]
    [MemberData(nameof(ChapterNotebooks))]
    public void Has_polyglot_metadata_and_nbformat_4_5(string fileName)
    {
        string text = File.ReadAllText(RepositoryPaths.Notebook(fileName));
        var root = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(4, (int)root["nbformat"]!);
        Assert.Equal(5, (int)root["nbformat_minor"]!);
        var expected = JsonNode.Parse("""
            {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
             "language_info": {"name": "polyglot-notebook"},
             "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, root["metadata"]), root["metadata"]!.ToJsonString());
        Assert.StartsWith("{\n \"cells\": [\n  {\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);  // 1-space indent, as VS Code
    }

    [Theory]
    [MemberData(nameof(ChapterNotebooks))]
    public void Every_cell_has_a_unique_id_and_code_cells_name_the_csharp_kernel(string fileName)
    {
        var cells = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Notebook(fileName)))!["cells"]!.AsArray();
        var ids = cells.Select(c => (string?)c!["id"]).ToList();
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id!));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var cell in cells.Where(c => (string?)c!["cell_type"] == "code"))
        {
            Assert.Equal("csharp", (string?)cell!["metadata"]!["polyglot_notebook"]!["kernelName"]);
            Assert.Equal("csharp", (string?)cell["metadata"]!["dotnet_interactive"]!["language"]);
        }
    }

    [Theory]
    [MemberData(nameof(ChapterNotebooks))]
    public void Starts_with_the_set_up_cells_and_has_pitfalls_and_exercises(string fileName)
    {
        var cells = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Notebook(fileName)))!["cells"]!.AsArray()
            .Select(c => (Type: (string?)c!["cell_type"], Source: string.Concat(c["source"]!.AsArray().Select(l => (string?)l))))
            .ToList();
        var code = cells.Where(c => c.Type == "code").Select(c => c.Source).ToList();
        Assert.Equal("#load \"build-lib.csx\"", code[0]);
        Assert.Contains("#r \"../lib/Backprop.Notebooks/bin/Debug/net10.0/Backprop.Notebooks.dll\"", code[1], StringComparison.Ordinal);
        Assert.Contains("Notebook.Setup(language: \"en\");", code[1], StringComparison.Ordinal);
        var markdown = string.Join("\n", cells.Where(c => c.Type == "markdown").Select(c => c.Source));
        Assert.Contains("## Common pitfalls", markdown, StringComparison.Ordinal);
        Assert.Contains("## Exercises", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_names_every_notebook_and_both_ways_to_run_them()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, "README.md"));
        Assert.All(Names, name => Assert.Contains(name, readme, StringComparison.Ordinal));
        Assert.Contains("Polyglot Notebooks", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project lib/NotebookRunner -- run", readme, StringComparison.Ordinal);
    }
}
