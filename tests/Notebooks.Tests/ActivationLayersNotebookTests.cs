using System.Globalization;
using System.Text.RegularExpressions;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>5.5: ReLU and Sigmoid, on the study notebooks' arrays.</summary>
public sealed class ActivationLayersNotebookTests(ActivationLayersRun run) : NotebookContract<ActivationLayersRun>(run)
{
    protected override IReadOnlyCollection<string> PitfallChecks { get; } =
        ["x1 (book's ReLU)", "x2 (book's ReLU)", "x (x(1 − x) in backward)"];

    [Fact]
    public void Reproduces_the_study_notebooks_sigmoid_output_character_for_character()
    {
        // Copied from the study notebook's printed output (NumPy 75-column wrapping and all).
        AssertPrinted("""
            Input - [2. 0. 2. 0. 0. 0. 2. 2. 0. 2. 0. 2. 2. 2. 2. 0. 2. 0. 0. 0.]
            Forward Propagation - [0.88079708 0.5        0.88079708 0.5        0.5        0.5
             0.88079708 0.88079708 0.5        0.88079708 0.5        0.88079708
             0.88079708 0.88079708 0.88079708 0.5        0.88079708 0.5
             0.5        0.5       ]
            Backward Propagation - [0.20998717 0.         0.20998717 0.         0.         0.
             0.20998717 0.20998717 0.         0.20998717 0.         0.20998717
             0.20998717 0.20998717 0.20998717 0.         0.20998717 0.
             0.         0.        ]

            """);
    }

    [Fact]
    public void Reproduces_the_study_notebooks_relu_output_character_for_character()
    {
        // Copied from study notebook 004's printed output; the gradient of ones then shows the mask.
        AssertPrinted("""
            Input - [2. 0. 2. 0. 2. 2. 0. 0. 0. 0. 2. 0. 2. 0. 0. 2. 2. 2. 2. 0.]
            Forward Propagation - [2. 0. 2. 0. 2. 2. 0. 0. 0. 0. 2. 0. 2. 0. 0. 2. 2. 2. 2. 0.]
            Backward Propagation - [2. 0. 2. 0. 2. 2. 0. 0. 0. 0. 2. 0. 2. 0. 0. 2. 2. 2. 2. 0.]

            """);
        AssertPrinted("Backward of ones   - [1. 0. 1. 0. 1. 1. 0. 0. 0. 0. 1. 0. 1. 0. 0. 1. 1. 1. 1. 0.]\n");
    }

    [Fact]
    public void Prints_the_books_mask_example_as_numpy_does()
    {
        // x, then mask = (x <= 0), as NumPy prints them; then forward, and backward of ones.
        AssertPrinted("""
            [[ 1.  -0.5]
             [-2.   3. ]]
            [[False  True]
             [ True False]]
            [[1. 0.]
             [0. 3.]]
            [[1. 0.]
             [0. 1.]]

            """);
    }

    [Fact]
    public void Shows_how_the_books_relu_backward_corrupts_a_shared_gradient()
    {
        AssertPrinted("dx1  = [0. 0. 3. 0.]   should be [1. 0. 3. 0.]\n");
        AssertPrinted("dx2  = [0. 0. 3. 0.]   should be [0. 2. 3. 4.]\n");
        AssertPrinted("dx1 and dout are the same object: True\n");
        // Behind the book's AddLayer (dout * 1) the book's ReLU is right; ours is right behind either.
        AssertPrinted("book's ReLU, book's add node: [1. 0. 3. 0.] [0. 2. 3. 4.]\n");
        AssertPrinted("dx1  = [1. 0. 3. 0.]\ndx2  = [0. 2. 3. 4.]\ndout = [1. 2. 3. 4.]\n");
    }

    [Fact]
    public void The_in_place_pitfall_comes_after_relus_gradient_check_among_the_pitfalls()
    {
        var cells = Run.Stored.Cells;
        int pitfalls = cells.Single(c => c.CellType == "markdown" && c.Source.StartsWith("## Common pitfalls", StringComparison.Ordinal)).Index;
        int bookRelu = cells.Single(c => c.IsCode && c.Source.Contains("class BookRelu", StringComparison.Ordinal)).Index;
        int reluCheck = cells.Single(c => c.IsCode && c.Source.Contains("CheckLayer(\"Relu x\"", StringComparison.Ordinal)).Index;
        Assert.True(reluCheck < pitfalls && pitfalls < bookRelu, $"Relu check {reluCheck}, pitfalls {pitfalls}, BookRelu {bookRelu}");
    }

    [Fact]
    public void Draws_the_relu_node_passing_and_blocking_the_gradient()
    {
        GraphFigure relu = GraphFigure.Of(GraphCell("Operation(\"relu1\""));
        // x = 3: 3 forward, the upstream 1.5 passes back; x = −0.5: 0 forward, 0 back.
        Assert.Equal<string>(["0", "3", "3", "−0.5"], relu.ForwardValues.Order(StringComparer.Ordinal));
        Assert.Equal<string>(["0", "1.5", "1.5", "1.5"], relu.Gradients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Draws_the_sigmoid_as_four_nodes_and_as_one_with_the_same_ends()
    {
        GraphFigure sigmoid = GraphFigure.Of(GraphCell("dxOneNode"));
        Assert.Contains("sigmoid", sigmoid.Texts);
        Assert.Contains("exp", sigmoid.Texts);
        // x = 2: y = sigmoid(2) on both outputs, y(1 − y) = 0.10499359 back to both inputs.
        Assert.Equal(2, sigmoid.ForwardValues.Count(v => v == "0.88079708"));
        Assert.Equal(2, sigmoid.Gradients.Count(v => v == "0.10499359"));
        Assert.Equal<string>(["0.10499359", "0.10499359", "1", "1", "−0.10499359", "−0.77580349", "−0.77580349"], sigmoid.Gradients.Order(StringComparer.Ordinal));
        // One minus sign throughout: U+2212, never the hyphen.
        Assert.DoesNotContain(sigmoid.Texts, t => t.Contains('-', StringComparison.Ordinal));
    }

    [Fact]
    public void Draws_the_relu_derivative_as_a_step()
    {
        string chart = Run.CodeCellText(Run.Executed.Cells.Where(c => c.IsCode).ToList()
            .FindIndex(c => c.Source.Contains("gradient ∂y/∂x", StringComparison.Ordinal)) + 1);
        var trace = Regex.Match(chart, "\"name\":\"gradient ∂y/∂x\".*?\"x\":\\[(.*?)\\],\"y\":\\[(.*?)\\]");
        Assert.True(trace.Success, chart);
        double[] Parse(string list) => list.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        double[] x = Parse(trace.Groups[1].Value), y = Parse(trace.Groups[2].Value);
        Assert.All(y, v => Assert.True(v is 0.0 or 1.0, $"derivative {v}"));
        Assert.Contains(0.0, y);
        Assert.Contains(1.0, y);
        for (int i = 1; i < x.Length; i++)
        {
            // Where the derivative changes, the line must go straight up: no slanted segment.
            Assert.True(y[i] == y[i - 1] || Math.Abs(x[i] - x[i - 1]) < 1e-9, $"slanted from ({x[i - 1]}, {y[i - 1]}) to ({x[i]}, {y[i]})");
        }

        Assert.Equal(0.0, x[Array.IndexOf(y, 1.0)], 9);
    }

    [Fact]
    public void Draws_the_sigmoid_with_the_books_symbolic_labels_beside_the_numbers()
    {
        GraphFigure symbolic = GraphFigure.Of(GraphCell("the book's backward labels"));
        // The book's figure: what flows back along each edge, from ∂L/∂y at y to ∂L/∂y · y(1 − y) at x.
        Assert.Contains("∂L/∂y · y² exp(−x)", symbolic.Texts);
        Assert.Contains("−∂L/∂y · y² exp(−x)", symbolic.Texts);
        Assert.Equal(2, symbolic.Texts.Count(t => t == "−∂L/∂y · y²"));
        Assert.Contains("∂L/∂y · y(1 − y)", symbolic.Texts);
        int numeric = Run.Stored.Cells.Single(c => c.IsCode && c.Source.Contains("dxOneNode", StringComparison.Ordinal)).Index;
        int labels = Run.Stored.Cells.Single(c => c.IsCode && c.Source.Contains("the book's backward labels", StringComparison.Ordinal)).Index;
        Assert.True(labels > numeric, "the symbolic graph comes beside (after) the numeric one");
    }

    [Fact]
    public void Exercise_1_comes_before_the_librarys_relu_and_the_books()
    {
        var cells = Run.Stored.Cells;
        int exercise = cells.Single(c => c.IsCode && c.Source.StartsWith("// Exercise 1: your own ReLU", StringComparison.Ordinal)).Index;
        int check = cells.Single(c => c.IsCode && c.Source.StartsWith("// Check exercise 1", StringComparison.Ordinal)).Index;
        int source = cells.Single(c => c.IsCode && c.Source.Contains("Notebook.Source(\"Relu\")", StringComparison.Ordinal)).Index;
        int mask = cells.Single(c => c.IsCode && c.Source.Contains("mask[i, j] = x[i, j] <= 0", StringComparison.Ordinal)).Index;
        int bookRelu = cells.Single(c => c.IsCode && c.Source.Contains("class BookRelu", StringComparison.Ordinal)).Index;
        Assert.True(exercise < check && check < mask && mask < source && source < bookRelu, $"exercise {exercise}, check {check}, mask {mask}, Relu {source}, BookRelu {bookRelu}");
    }

    private NotebookCell GraphCell(string marker) =>
        Run.Executed.Cells.Single(c => c.IsCode && c.Source.Contains("Notebook.Graph()", StringComparison.Ordinal) && c.Source.Contains(marker, StringComparison.Ordinal));

    [Fact]
    public void Sigmoid_steps_give_y_times_one_minus_y()
    {
        // Step 4 of the four-node graph, y(1 − y) and the numerical derivative, at x = 0 and x = 2.
        Assert.Matches(@"\n +0 \| 0\.500000 \| +-0\.25000000 \| +-0\.25000000 \| +-0\.25000000 \| +0\.25000000 \| 0\.25000000 \| 0\.25000000\n", Run.Stdout);
        Assert.Matches(@"\n +2 \| 0\.880797 \|.*\| +0\.10499359 \| 0\.10499359 \| 0\.10499359\n", Run.Stdout);
    }

    [Fact]
    public void A_relu_backward_that_returns_the_number_0_fails_in_the_next_affine_as_the_books_network_does()
    {
        // Python's dx = dout[mask] = 0 makes dx the int 0, and the book's Affine1.backward then fails; the C# ZeroRelu
        // returns 0 as a 1×1 matrix, and the first Affine's shape check names both shapes (batch 3, 5 hidden units).
        var cell = Run.Stored.Cells.Single(c => c.IsCode && c.Source.Contains("class ZeroRelu", StringComparison.Ordinal));
        Assert.True(cell.RaisesException, "the ZeroRelu cell is tagged raises-exception");
        Assert.Contains("dout has shape (1,1) but the forward output has shape (3,5)", Run.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeds_sigmoid_slips_do_not_compile_in_csharp()
    {
        string error = Run.AllText;
        Assert.Contains("CS0161", error, StringComparison.Ordinal);   // forward without a return
        Assert.Contains("CS1955", error, StringComparison.Ordinal);   // self.out(1.0 - self.out)
        Assert.Contains("'seelf'", error, StringComparison.Ordinal);  // the typo
    }
}
