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
        GraphFigure apple = GraphFigure.Of(GraphCell("price_apples, dprice"));
        // The book's figures 5-14 and 5-16: 100 × 2 = 200, × 1.1 = 220; back: 1, 1.1, 2.2, 110, 200.
        Assert.Equal<string>(["1.1", "100", "2", "200", "220"], apple.ForwardValues.Order(StringComparer.Ordinal));
        Assert.Equal<string>(["1", "1.1", "110", "2.2", "200"], apple.Gradients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Poses_the_shop_backward_as_the_books_fill_in_before_any_answer()
    {
        // The book's own exercise is the apples-and-oranges backward (its figure 5-15, blanks to fill in).
        NotebookCell fillIn = GraphCell("for you to work out");
        NotebookCell shopCode = ShopCode();
        Assert.True(fillIn.Index < shopCode.Index, "the fill-in comes before the code that computes its answers");

        GraphFigure figure = GraphFigure.Of(fillIn);
        Assert.Equal(8, figure.Texts.Count(t => t == "?"));
        Assert.Equal<string>(["1"], figure.Gradients);
        Assert.Equal<string>(["1.1", "100", "150", "2", "200", "3", "450", "650", "715"], figure.ForwardValues.Order(StringComparer.Ordinal));

        // No answer on screen before the student tries: the prose from the shop's heading to its code names none.
        int heading = Run.Executed.Cells.Single(c => !c.IsCode && c.Source.Contains("## Buying apples and oranges", StringComparison.Ordinal)).Index;
        string prose = string.Concat(Run.Executed.Cells.Where(c => !c.IsCode && c.Index >= heading && c.Index < shopCode.Index).Select(c => c.Source));
        Assert.All(new[] { "2.2", "110", "3.3", "165" }, answer => Assert.DoesNotContain(answer, prose, StringComparison.Ordinal));
        Assert.Single(GraphCells(), c => GraphFigure.Of(c).Texts.Contains("?"));
    }

    [Fact]
    public void Draws_the_shop_answers_after_the_code_with_the_numbers_that_code_prints()
    {
        NotebookCell answers = GraphCell("with the answers");
        NotebookCell shopCode = ShopCode();
        Assert.True(shopCode.Index < answers.Index, "the answers are drawn after the code that computes them");

        // The printed gradients, rounded to 8 digits, are the red labels of the figure.
        string[] printed = string.Concat(shopCode.Outputs.Select(o => o.Text)).Split('\n');
        Assert.Equal("715.0000000000001", printed[0]);
        string[] expectedGradients = printed[1].Split(' ')
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture).ToString("G8", CultureInfo.InvariantCulture))
            .Concat(["1.1", "1.1", "1.1", "1"])
            .ToArray();
        Assert.Equal<string>(["1", "1.1", "1.1", "1.1", "110", "165", "2.2", "3.3", "650"], expectedGradients.Order(StringComparer.Ordinal));

        GraphFigure shop = GraphFigure.Of(answers);
        Assert.Equal(expectedGradients.Order(StringComparer.Ordinal), shop.Gradients.Order(StringComparer.Ordinal));
        Assert.Equal<string>(["1.1", "100", "150", "2", "200", "3", "450", "650", "715"], shop.ForwardValues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Figures_keep_the_long_digits_out()
    {
        Assert.All(GraphCells(), cell => Assert.DoesNotContain("00000000", string.Join(" ", GraphFigure.Of(cell).Texts), StringComparison.Ordinal));
    }

    [Fact]
    public void Draws_the_chain_rule_as_an_add_node_and_a_square_node()
    {
        GraphFigure chain = GraphFigure.Of(GraphCell("\"**2\""));
        // z = (x + y)² at x = 1, y = 2: forward 1, 2, t = 3, z = 9; backward 1 at z, 2t = 6 everywhere before it.
        Assert.Equal<string>(["1", "2", "3", "9"], chain.ForwardValues.Order(StringComparer.Ordinal));
        Assert.Equal<string>(["1", "6", "6", "6"], chain.Gradients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Runs_the_add_and_multiply_nodes_on_the_books_numbers()
    {
        // 10 + 5 and 10 × 5 with upstream 1.3: back 1.3 and 1.3; 1.3 × 5 = 6.5 and 1.3 × 10 = 13.
        AssertPrinted("add: 15, back 1.3 1.3\nmultiply: 50, back 6.5 13\n");
        GraphFigure nodes = GraphFigure.Of(GraphCell("bookMul"));
        Assert.Equal<string>(["1.3", "1.3", "1.3", "1.3", "13", "6.5"], nodes.Gradients.Order(StringComparer.Ordinal));
        Assert.Equal<string>(["10", "10", "15", "5", "5", "50"], nodes.ForwardValues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Draws_the_apple_backward_with_its_answers_after_computing_them()
    {
        // As the book shows it (figure 5-14): the apple graph's backward is no exercise, it is drawn filled in.
        NotebookCell apple = GraphCell("price_apples, dprice");
        int backward = Run.Executed.Cells.Single(c => c.IsCode && c.Source.Contains("mul_tax_layer_apples.Backward", StringComparison.Ordinal)).Index;
        Assert.True(backward < apple.Index, "the apple figure is drawn from the values the backward pass computed");
        Assert.DoesNotContain("?", GraphFigure.Of(apple).Texts);
    }

    private NotebookCell ShopCode() =>
        Run.Executed.Cells.Single(c => c.IsCode && c.Source.Contains("add_apple_orange_layer.Forward", StringComparison.Ordinal));

    private List<NotebookCell> GraphCells() =>
        Run.Executed.Cells.Where(c => c.IsCode && c.Source.Contains("Notebook.Graph()", StringComparison.Ordinal)).ToList();

    private NotebookCell GraphCell(string marker) => Assert.Single(GraphCells(), c => c.Source.Contains(marker, StringComparison.Ordinal));
}
