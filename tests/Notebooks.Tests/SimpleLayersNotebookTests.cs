namespace Notebooks.Tests;

/// <summary>5.4: the book's shop examples, with the digits Python prints.</summary>
public sealed class SimpleLayersNotebookTests(SimpleLayersRun run) : NotebookContract<SimpleLayersRun>(run)
{
    protected override IReadOnlyCollection<string> PitfallChecks { get; } =
        ["apple (one MulLayer for two nodes)", "apple_num (one MulLayer for two nodes)"];

    [Fact]
    public void Prints_the_apple_example_as_python_does()
    {
        AssertPrinted("220.00000000000003\n");
        AssertPrinted("2.2 110.00000000000001 200\n");
    }

    [Fact]
    public void Prints_the_apple_and_orange_example_as_python_does()
    {
        AssertPrinted("715.0000000000001\n2.2 110.00000000000001 3.3000000000000003 165 650\n");
    }

    [Fact]
    public void Applies_the_chain_rule_to_the_square_of_a_sum()
    {
        // z = (x + y)² at x = 1, y = 2: z = 9 and ∂z/∂x = ∂z/∂y = 2(x + y) = 6.
        AssertPrinted("z = 9, dz/dx by the chain rule = 6\n");
        AssertPrinted("9 6 6\n");
    }

    [Fact]
    public void Draws_the_shop_graph_with_every_forward_value_and_gradient()
    {
        var graph = Run.Executed.Cells.Single(c => c.IsCode && c.Source.StartsWith("Notebook.Graph()", StringComparison.Ordinal));
        string svg = string.Concat(graph.Outputs.SelectMany(o => o.Data.Values));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        string[] values = ["100", "2.2", "110.00000000000001", "150", "3.3000000000000003", "165", "200", "450", "650", "1.1", "715.0000000000001"];
        Assert.All(values, v => Assert.Contains($">{v}<", svg, StringComparison.Ordinal));
    }
}
