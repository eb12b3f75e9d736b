using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks.Tests;

[Collection(FormatterCollection.Name)]
public sealed class GradientCheckTableTests
{
    [Theory]
    [InlineData(3.2e-10, "3.2e-10")]
    [InlineData(3.25e-10, "3.3e-10")]
    [InlineData(9.96e-8, "1.0e-07")]
    [InlineData(1.5, "1.5e+00")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "nan")]
    public void Errors_print_in_two_significant_digits(double error, string expected) =>
        Assert.Equal(expected, GradientCheckTable.FormatError(error));

    [Fact]
    public void Text_table_has_one_aligned_row_per_parameter()
    {
        var table = Notebook.Check(
            new GradientCheckResult("W", 3.2e-10, 1.1e-9),
            new GradientCheckResult("b", 0.25, 0.5));
        string[] lines = table.ToString().Split('\n');
        Assert.Equal("parameter  max abs error  relative error  pass/fail", lines[0]);
        Assert.Equal("W          3.2e-10        1.1e-09         ✓", lines[1]);
        Assert.Equal("b          2.5e-01        5.0e-01         ✗", lines[2]);
        Assert.Equal("✓ when relative error < 1.0e-07", lines[3]);
        Assert.False(table.AllPassed);
    }

    [Fact]
    public void Html_table_marks_each_row()
    {
        var table = Notebook.Check(
            new GradientCheckResult("W1", 3.2e-10, 1.1e-9),
            new GradientCheckResult("<b>", 0.25, 0.5) { Tolerance = 1.0 });
        string html = Formatter.ToDisplayString(table, "text/html");
        Assert.StartsWith("<table class=\"gradient-check\"", html, StringComparison.Ordinal);
        Assert.Contains(">W1</td>", html, StringComparison.Ordinal);
        Assert.Contains(">&lt;b&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains(">3.2e-10</td>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split('✓').Length - 2);   // two passing rows, plus the caption's ✓
        Assert.DoesNotContain("✗", html, StringComparison.Ordinal);
        Assert.Contains(">tolerance</th>", html, StringComparison.Ordinal);   // rows with different tolerances show their own
        Assert.Contains(">1.0e+00</td>", html, StringComparison.Ordinal);
        Assert.Contains("✓ when relative error &lt; the row&#39;s tolerance", html, StringComparison.Ordinal);
        Assert.True(table.AllPassed);
    }

    [Fact]
    public void Rows_with_different_tolerances_each_show_theirs()
    {
        // 5.6's δ check: the same relative error fails the default 1e-7 and passes a row's 1e-5.
        var table = Notebook.Check(
            new GradientCheckResult("x (exact)", 1e-12, 2e-10),
            new GradientCheckResult("x (with δ)", 1e-8, 5.7e-7) { Tolerance = 1e-5 },
            new GradientCheckResult("x (wrong)", 1e-8, 5.7e-7));
        string[] lines = table.ToString().Split('\n');
        Assert.Equal("parameter   max abs error  relative error  tolerance  pass/fail", lines[0]);
        Assert.Equal("x (exact)   1.0e-12        2.0e-10         1.0e-07    ✓", lines[1]);
        Assert.Equal("x (with δ)  1.0e-08        5.7e-07         1.0e-05    ✓", lines[2]);
        Assert.Equal("x (wrong)   1.0e-08        5.7e-07         1.0e-07    ✗", lines[3]);
        Assert.Equal("✓ when relative error < the row's tolerance", lines[4]);
    }

    [Fact]
    public void Rows_sharing_a_tolerance_other_than_the_default_name_it_once()
    {
        var table = Notebook.Check(
            new GradientCheckResult("a", 1e-8, 2e-6) { Tolerance = 1e-5 },
            new GradientCheckResult("b", 1e-8, 3e-6) { Tolerance = 1e-5 });
        string[] lines = table.ToString().Split('\n');
        Assert.Equal("parameter  max abs error  relative error  pass/fail", lines[0]);
        Assert.Equal("✓ when relative error < 1.0e-05", lines[3]);
    }

    [Fact]
    public void Library_gradient_checks_feed_the_table()
    {
        // d/dx of sum(x²) is 2x: a correct gradient passes, a halved one fails.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2 }, { 0.5, 3 } });
        Matrix<double> numerical = NumericalGradient.Of(() => x.PointwisePower(2).Enumerate().Sum(), x);
        var table = Notebook.Check(
            GradientCheck.Compare("x", 2 * x, numerical),
            GradientCheck.Compare("x (halved)", x, numerical));
        Assert.Equal([true, false], table.Results.Select(r => r.Passed));
        Assert.Contains("x (halved)", table.ToString(), StringComparison.Ordinal);
    }
}
