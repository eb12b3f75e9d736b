namespace Notebooks.Tests;

/// <summary>5.6: Affine, softmax, cross-entropy, Softmax-with-Loss and broadcasting, on the study notebooks' numbers.</summary>
public sealed class AffineSoftmaxNotebookTests(AffineSoftmaxRun run) : NotebookContract<AffineSoftmaxRun>(run)
{
    protected override IReadOnlyCollection<string> PitfallChecks { get; } =
        ["W (dX·dout)", "x (global softmax)", "x (labels as t)"];

    [Fact]
    public void Reproduces_the_study_notebooks_affine_test()
    {
        AssertPrinted("[[19. 26.]\n [19. 26.]] [[ 3.  7. 11.]\n [ 3.  7. 11.]] [[4. 4.]\n [4. 4.]\n [4. 4.]] [2. 2.]\n");
        AssertPrinted("X (2,3)  dx (2,3)\nW (3,2)  dW (3,2)\nb (2,)  db (2,)\n");
    }

    [Fact]
    public void Reproduces_the_study_notebooks_single_sample_affine()
    {
        AssertPrinted("Output [-0.82985429 -2.53548166  0.8344912 ]\n");
    }

    [Theory]
    [InlineData("[[18. 24.]\n [18. 24.]]")]                          // X·W
    [InlineData("[[ 1.  2.  3.]\n [11. 12. 13.]]")]                  // bias broadcast over the batch
    [InlineData("[5. 7. 9.]")]                                        // db: column sums
    [InlineData("[[0.33333333 0.33333333 0.33333333]\n [0.33333333 0.33333333 0.33333333]]")]
    [InlineData("[0.01821127 0.24519181 0.73659691]")]               // the book's softmax example
    [InlineData("[9.99954600e-01 4.53978686e-05 2.06106005e-09]")]   // 1010, 1000, 990 without overflow
    [InlineData("0.510825457099338 0.510825457099338\n2.302584092994546 2.302584092994546")]
    public void Shows_the_book_and_study_notebook_values(string expected)
    {
        Assert.Contains(expected, Run.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_books_y_minus_t_illustration()
    {
        // t = (0, 1, 0). In doubles 0.2 − 1 is −0.8 and 0.99 − 1 is −0.010000000000000009, which NumPy
        // prints as -0.01; the losses are −log(0.2 + 1e-7) and −log(0.99 + 1e-7), as Python computes them.
        AssertPrinted("y = [0.3 0.2 0.5]  y − t = [ 0.3 -0.8  0.5]  loss 1.6094374124342252\n");
        AssertPrinted("y = [0.01 0.99 0.  ]  y − t = [ 0.01 -0.01  0.  ]  loss 0.010050234843405595\n");
    }

    [Theory]
    [InlineData("Affine, one sample", new[] { "X (2,)", "W (2, 3)", "X · W (3,)", "B (3,)", "Y (3,)", "∂L/∂Y · Wᵀ (2,)", "Xᵀ · ∂L/∂Y (2, 3)", "∂L/∂Y (3,)" })]
    [InlineData("Affine, a batch of N samples", new[] { "X (N, 2)", "W (2, 3)", "X · W (N, 3)", "B (3,)", "Y (N, 3)", "∂L/∂Y · Wᵀ (N, 2)", "Xᵀ · ∂L/∂Y (2, 3)", "Σ rows of ∂L/∂Y (3,)" })]
    [InlineData("Softmax-with-Loss, simplified", new[] { "a₁", "y₁ − t₁", "y₂ − t₂", "y₃ − t₃", "t₁, t₂, t₃", "CEE", "Softmax" })]
    // The book's appendix figure: the gradients derived node by node, each score receiving y − t in the end.
    [InlineData("Softmax-with-Loss, node by node", new[] { "exp", "log", "y₁ − t₁", "y₂ − t₂", "y₃ − t₃", "1/S", "−t₁S", "−t₂/exp(a₂)", "−t₃/y₃", "−t₁", "Σ tₖ log yₖ" })]
    [InlineData("A network that ends in Softmax-with-Loss", new[] { "Affine", "ReLU", "Softmax-with-Loss", "(y − t)/N", "∂L/∂z₂" })]
    public void Draws_the_books_graphs_with_shapes_and_gradients(string title, string[] labels)
    {
        var figure = Run.Executed.Cells.SelectMany(c => c.Outputs).SelectMany(o => o.Data.Values)
            .SingleOrDefault(html => html.Contains($">{title}</text>", StringComparison.Ordinal));
        Assert.NotNull(figure);
        Assert.All(labels, label => Assert.Contains($">{label}</text>", figure, StringComparison.Ordinal));
    }

    [Fact]
    public void Source_panes_show_the_layers_math_first()
    {
        Assert.Contains("lib/Backprop/Layers/Affine.cs &#183; Forward, Backward, Affine</div>", Run.AllText, StringComparison.Ordinal);
        Assert.Contains("lib/Backprop/Layers/SoftmaxWithLoss.cs &#183; Forward, Backward</div>", Run.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Exercises_ship_stubs_and_their_checks_say_not_done_yet()
    {
        AssertPrinted("Exercise 1 not done yet: return dx and set dW and db, each with the shape of x, W or b: see the backward pass of a matrix product above.\n");
        AssertPrinted("Exercise 2 not done yet: softmax of each row, one sample per row: use the formula with c = max from the Softmax section, one max per row (see Common pitfalls).\n");
        AssertPrinted("Exercise 3 not done yet: differentiate L by each x_nk (here y = x), then multiply by dout.\n");

        // The answers live in the Solutions folder, not in the notebook; neither does the text give exercise 3 away.
        string stored = string.Join("\n", Run.Stored.Cells.Select(c => c.Source));
        Assert.DoesNotContain("dW = x.Transpose() * dout", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Math.Exp(v - row.Maximum())", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("(y - t) / y.RowCount", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("sum-of-squares loss has the same gradient", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Exercise_1_comes_before_the_librarys_affine()
    {
        var cells = Run.Stored.Cells;
        int exercise = cells.Single(c => c.IsCode && c.Source.StartsWith("// Exercise 1: the Affine backward", StringComparison.Ordinal)).Index;
        int source = cells.Single(c => c.IsCode && c.Source.Contains("Notebook.Source(\"Affine\"", StringComparison.Ordinal)).Index;
        Assert.True(exercise < source, $"exercise {exercise}, Affine source {source}");
    }

    [Theory]
    [InlineData(1, "dW = x.Transpose() * dout;")]
    [InlineData(2, "Math.Exp(v - row.Maximum())")]
    [InlineData(3, "=> dout * (y - t) / y.RowCount;")]
    public void Each_exercise_cell_has_a_solution_and_a_wrong_answer_beside_the_tests(int n, string answer)
    {
        string folder = Path.Combine(RepositoryPaths.Root, "tests", "Notebooks.Tests", "Solutions", "5.6-affine-softmax");
        string right = File.ReadAllText(Path.Combine(folder, $"exercise-{n}.cs"));
        string wrong = File.ReadAllText(Path.Combine(folder, $"exercise-{n}.wrong.cs"));
        var cell = Assert.Single(Run.Stored.Cells, c => c.IsCode && c.Source.StartsWith($"// Exercise {n}: ", StringComparison.Ordinal));
        string firstLine = cell.Source.Split('\n')[0];
        Assert.StartsWith(firstLine + "\n", right, StringComparison.Ordinal);
        Assert.StartsWith(firstLine + "\n", wrong, StringComparison.Ordinal);
        Assert.Contains(answer, right, StringComparison.Ordinal);
        Assert.DoesNotContain(answer, wrong, StringComparison.Ordinal);
        Assert.Contains("NotImplementedException", cell.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_kronecker_delta_and_the_log_constant_have_two_names()
    {
        string markdown = string.Join("\n", Run.Stored.Cells.Where(c => c.CellType == "markdown").Select(c => c.Source));
        Assert.Contains("[k = j]", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\\delta_{kj}", markdown, StringComparison.Ordinal);
        Assert.Contains("\\delta = 10^{-7}", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Reruns_the_study_notebooks_broadcasting_on_its_own_numbers()
    {
        // The study notebook's int arrays; ours are doubles, printed with a "." after each whole number.
        string ints = Run.Stdout.Replace(".", "", StringComparison.Ordinal);
        // Its a and b, recovered from its printed c = a + b and d = a * b, printed before them.
        Assert.Contains("""
            a (3,2,4)
            [[[5 9 1 7]
              [1 9 2 4]]

             [[5 7 4 1]
              [2 1 5 8]]

             [[5 7 2 1]
              [9 2 5 7]]]
            b (4,)
            [3 7 3 8]
            """, ints, StringComparison.Ordinal);
        Assert.Contains("b (2,1)\n[[9]\n [5]]\n", ints, StringComparison.Ordinal);
        Assert.Contains("""
            [[[ 8 16  4 15]
              [ 4 16  5 12]]

             [[ 8 14  7  9]
              [ 5  8  8 16]]

             [[ 8 14  5  9]
              [12  9  8 15]]]
            (3,2,4)
            ----------------
            [[[15 63  3 56]
              [ 3 63  6 32]]

             [[15 49 12  8]
              [ 6  7 15 64]]

             [[15 49  6  8]
              [27 14 15 56]]]
            (3,2,4)
            """, ints, StringComparison.Ordinal);
        Assert.Contains("""
            [[[17 18 14 16]
              [14 11  6  7]]

             [[12 16 13 13]
              [12 10  7  6]]

             [[12 12 14 17]
              [14 12 11  8]]]
            (3,2,4)
            ----------------
            [[[72 81 45 63]
              [45 30  5 10]]

             [[27 63 36 36]
              [35 25 10  5]]

             [[27 27 45 72]
              [45 35 30 15]]]
            (3,2,4)
            """, ints, StringComparison.Ordinal);
    }

    [Fact]
    public void Incompatible_shapes_fail_with_numpys_message()
    {
        Assert.Contains("operands could not be broadcast together with shapes (3,2,4) (4,1)", Run.AllText, StringComparison.Ordinal);
        AssertPrinted("ArgumentException: operands could not be broadcast together with shapes (3,2,4) (2,2)\n");
        AssertPrinted("ArgumentException: operands could not be broadcast together with shapes (2,3) (2,)\n");
    }

    [Fact]
    public void Shows_what_dotnets_own_tensor_add_does()
    {
        // System.Numerics.Tensors 10.0.14: (3,2,4) + (1,2,4) comes out (1,2,4) where NumPy gives (3,2,4), and an
        // incompatible pair fails without naming the shapes; the reasons the library's Broadcasting helper exists.
        AssertPrinted("Tensor.Add: (3,2,4) + (1,2,4) -> (1,2,4)\n");
        // Its values are only a's first block [[8 9 5 7] [9 6 1 2]] plus b124 = 1..8 (NumPy: a[:1] + b124).
        AssertPrinted("[[[ 9. 11.  8. 11.]\n  [14. 12.  8. 10.]]]\n");
        Assert.Contains("System.ArgumentException: Lengths are not compatible with each other.", Run.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_as_targets_are_silent_for_a_single_sample()
    {
        // NumPy: np.array([[0.1, 0.2, 0.7]]) - np.array([2]) is [[-1.9 -1.8 -1.3]]: the label subtracted from every class.
        AssertPrinted("[[-1.9 -1.8 -1.3]]\n");
    }

    [Fact]
    public void The_seeds_softmax_slips_do_not_compile_in_csharp()
    {
        Assert.Contains("CS0176", Run.AllText, StringComparison.Ordinal);        // self.softmax on a method without self
        Assert.Contains("'exp_x_sum'", Run.AllText, StringComparison.Ordinal);   // study notebook 004 defines exp_X_sum, divides by exp_x_sum
    }

    [Fact]
    public void Explains_the_books_delta_in_the_softmax_with_loss_check()
    {
        // The relative error between (y − t)/N and Forward's numerical gradient is predicted from δ alone.
        var match = System.Text.RegularExpressions.Regex.Match(
            Run.Stdout, @"relative error predicted from δ: (?<p>\S+), measured: (?<m>\S+)\n");
        Assert.True(match.Success);
        Assert.Equal(match.Groups["p"].Value, match.Groups["m"].Value);
    }
}
