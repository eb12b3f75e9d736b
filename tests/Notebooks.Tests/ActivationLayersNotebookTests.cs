namespace Notebooks.Tests;

/// <summary>5.5: ReLU and Sigmoid, on the study notebooks' arrays.</summary>
public sealed class ActivationLayersNotebookTests(ActivationLayersRun run) : NotebookContract<ActivationLayersRun>(run)
{
    protected override IReadOnlyCollection<string> PitfallChecks { get; } =
        ["x1 (book's ReLU)", "x2 (book's ReLU)", "x (dx = dout[mask] = 0)", "x (x(1 − x) in backward)"];

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
    public void Relu_on_ten_zeros_and_ten_twos_passes_the_twos_and_blocks_the_zeros()
    {
        // The first Input/Forward/Backward lines are ReLU's, on our own seeded shuffle.
        string[] lines = Run.Stdout.Split('\n');
        string After(string prefix) => lines.First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
        string input = After("Input - ");
        Assert.Equal(10, input.Split("2.").Length - 1);
        Assert.Equal(10, input.Split("0.").Length - 1);
        Assert.Equal(input, After("Forward Propagation - "));
        Assert.Equal(input, After("Backward Propagation - "));
        Assert.Equal(input.Replace("2.", "1.", StringComparison.Ordinal), After("Backward of ones   - "));
    }

    [Fact]
    public void Shows_how_the_books_relu_backward_corrupts_a_shared_gradient()
    {
        AssertPrinted("dx1  = [0. 0. 3. 0.]   should be [1. 0. 3. 0.]\n");
        AssertPrinted("dx2  = [0. 0. 3. 0.]   should be [0. 2. 3. 4.]\n");
        AssertPrinted("dx1 and dout are the same object: True\n");
        AssertPrinted("dx1  = [1. 0. 3. 0.]\ndx2  = [0. 2. 3. 4.]\ndout = [1. 2. 3. 4.]\n");
    }

    [Fact]
    public void Sigmoid_graph_steps_give_y_times_one_minus_y()
    {
        // Step 4 of the four-node graph, y(1 − y) and the numerical derivative, at x = 0 and x = 2.
        Assert.Matches(@"\n +0 \| 0\.500000 \| +-0\.25000000 \| +-0\.25000000 \| +-0\.25000000 \| +0\.25000000 \| 0\.25000000 \| 0\.25000000\n", Run.Stdout);
        Assert.Matches(@"\n +2 \| 0\.880797 \|.*\| +0\.10499359 \| 0\.10499359 \| 0\.10499359\n", Run.Stdout);
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
