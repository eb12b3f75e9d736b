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
    public void Reruns_the_study_notebooks_broadcasting_on_its_own_numbers()
    {
        // The study notebook's int arrays; ours are doubles, printed with a "." after each whole number.
        string ints = Run.Stdout.Replace(".", "", StringComparison.Ordinal);
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
    public void The_seeds_softmax_slips_do_not_compile_in_csharp()
    {
        Assert.Contains("CS0176", Run.AllText, StringComparison.Ordinal);        // self.softmax on a method without self
        Assert.Contains("'exp_X_sum'", Run.AllText, StringComparison.Ordinal);   // the misspelt sum
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
