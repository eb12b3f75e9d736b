using System.Globalization;
using NotebookRunner.Engine.Formats;

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
        // dapple_price as study notebook 001 prints it, then the book's line.
        AssertPrinted("1.1\n2.2 110.00000000000001 200\n");
    }

    [Fact]
    public void Prints_the_apple_and_orange_example_as_python_does()
    {
        AssertPrinted("715.0000000000001\n2.2 110.00000000000001 3.3000000000000003 165 650\n");
    }

    [Fact]
    public void Prints_the_books_order_and_then_names()
    {
        // The book's listing (and study notebook 002) prints dapple_num first: 110.00000000000001 2.2 3.3000000000000003 165.0 650.
        AssertPrinted("110.00000000000001 2.2 3.3000000000000003 165 650\ndapple = 2.2, dapple_num = 110.00000000000001\n");
    }

    [Fact]
    public void Applies_the_chain_rule_to_the_square_of_a_sum()
    {
        // z = (x + y)² at x = 1, y = 2: z = 9 and ∂z/∂x = ∂z/∂y = 2(x + y) = 6.
        AssertPrinted("z = 9, dz/dx by the chain rule = 6\n");
        AssertPrinted("9 6 6\n");
    }

    [Fact]
    public void Draws_the_apple_graph_with_short_labels()
    {
        GraphFigure apple = GraphFigure.Of(GraphCells()[0]);
        // The book's figure 5-16: 100 × 2 = 200, × 1.1 = 220; back: 1, 1.1, 2.2, 110, 200.
        Assert.Equal<string>(["1.1", "100", "2", "200", "220"], apple.ForwardValues.Order(StringComparer.Ordinal));
        Assert.Equal<string>(["1", "1.1", "110", "2.2", "200"], apple.Gradients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Draws_the_shop_graph_before_the_code_with_the_numbers_that_code_prints()
    {
        var graphs = GraphCells();
        NotebookCell shopCode = Run.Executed.Cells.Single(c => c.IsCode && c.Source.Contains("add_apple_orange_layer.Forward", StringComparison.Ordinal));
        Assert.True(graphs[1].Index < shopCode.Index, "the shop graph should come before the code that computes it");

        // The printed gradients, rounded to 8 digits, are the red labels of the typed-in figure.
        string[] printed = string.Concat(shopCode.Outputs.Select(o => o.Text)).Split('\n');
        Assert.Equal("715.0000000000001", printed[0]);
        string[] expectedGradients = printed[1].Split(' ')
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture).ToString("G8", CultureInfo.InvariantCulture))
            .Concat(["1.1", "1.1", "1.1", "1"])
            .ToArray();
        Assert.Equal<string>(["1", "1.1", "1.1", "1.1", "110", "165", "2.2", "3.3", "650"], expectedGradients.Order(StringComparer.Ordinal));

        GraphFigure shop = GraphFigure.Of(graphs[1]);
        Assert.Equal(expectedGradients.Order(StringComparer.Ordinal), shop.Gradients.Order(StringComparer.Ordinal));
        Assert.Equal<string>(["1.1", "100", "150", "2", "200", "3", "450", "650", "715"], shop.ForwardValues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Figures_keep_the_long_digits_out()
    {
        Assert.All(GraphCells(), cell => Assert.DoesNotContain("00000000", string.Join(" ", GraphFigure.Of(cell).Texts), StringComparison.Ordinal));
    }

    private List<NotebookCell> GraphCells()
    {
        var cells = Run.Executed.Cells.Where(c => c.IsCode && c.Source.Contains("Notebook.Graph()", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, cells.Count);
        return cells;
    }
}
