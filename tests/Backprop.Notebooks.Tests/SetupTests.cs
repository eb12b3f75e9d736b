using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks.Tests;

[Collection(FormatterCollection.Name)]
public sealed class SetupTests
{
    private static readonly Matrix<double> Seed = Matrix<double>.Build.DenseOfArray(new double[,] { { 19, 26 }, { 19, 26 } });

    [Fact]
    public void Setup_registers_each_formatter_once_however_often_it_is_called()
    {
        Formatter.ResetToDefault();
        Notebook.Setup();
        int once = Formatter.RegisteredFormatters(includeDefaults: false).Count();
        Notebook.Setup();
        Notebook.Setup();
        Assert.True(once >= 7, $"expected the array and chart formatters, found {once}");
        Assert.Equal(once, Formatter.RegisteredFormatters(includeDefaults: false).Count());
    }

    [Fact]
    public void Setup_works_again_after_the_registry_is_reset()
    {
        Notebook.Setup();
        Formatter.ResetToDefault();
        Notebook.Setup();
        Assert.Equal("[[19. 26.]\n [19. 26.]]", Formatter.ToDisplayString(Seed, PlainTextFormatter.MimeType));
    }

    [Fact]
    public void Matrices_and_vectors_prefer_NumPy_text_whatever_their_storage_class()
    {
        Notebook.Setup();
        Assert.Equal("text/plain", Formatter.GetPreferredMimeTypesFor(typeof(DenseMatrix)).First());
        Assert.Equal("text/plain", Formatter.GetPreferredMimeTypesFor(typeof(SparseMatrix)).First());
        Assert.Equal("text/plain", Formatter.GetPreferredMimeTypesFor(typeof(DenseVector)).First());
        Assert.Equal("text/plain", Formatter.GetPreferredMimeTypesFor(Tensor.Create([1.0], [1]).GetType()).First());
    }

    [Fact]
    public void Matrix_text_is_NumPy_text()
    {
        Notebook.Setup();
        Assert.Equal("[[19. 26.]\n [19. 26.]]", Formatter.ToDisplayString(Seed, "text/plain"));
        var y = Vector<double>.Build.DenseOfArray([0.8807970779778825, 0.11920292202211755]);
        Assert.Equal("[0.88079708 0.11920292]", Formatter.ToDisplayString(y, "text/plain"));
    }

    [Fact]
    public void Matrix_html_is_a_table_with_NumPy_digits_and_the_shape()
    {
        Notebook.Setup();
        var m = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2.5, 3 }, { -4, 5, 1.0 / 3 } });
        string html = Formatter.ToDisplayString(m, "text/html");
        Assert.StartsWith("<table class=\"numpy-array\"", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "<tr>"));
        Assert.Equal(6, CountOf(html, "<td "));
        Assert.Contains(">-4.</td>", html, StringComparison.Ordinal);
        Assert.Contains(">0.33333333</td>", html, StringComparison.Ordinal);
        Assert.Contains("shape (2,3)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Vector_html_is_a_one_row_table()
    {
        Notebook.Setup();
        var v = Vector<double>.Build.DenseOfArray([5, 7, 9]);
        string html = Formatter.ToDisplayString(v, "text/html");
        Assert.StartsWith("<table class=\"numpy-array\"", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "<tr>"));
        Assert.Contains(">7.</td>", html, StringComparison.Ordinal);
        Assert.Contains("shape (3,)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensor_text_is_NumPy_text_with_blocks()
    {
        Notebook.Setup();
        var t = Tensor.Create(Enumerable.Range(0, 8).Select(i => (double)i).ToArray(), [2, 2, 2]);
        Assert.Equal("[[[0. 1.]\n  [2. 3.]]\n\n [[4. 5.]\n  [6. 7.]]]", Formatter.ToDisplayString(t, "text/plain"));
        Assert.Contains("[[[0. 1.]", Formatter.ToDisplayString(t, "text/html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Our_display_types_format_without_Setup()
    {
        Formatter.ResetToDefault();
        var table = Notebook.Check(new GradientCheckResult("W", 1e-10, 2e-9));
        Assert.StartsWith("<table class=\"gradient-check\"", Formatter.ToDisplayString(table, "text/html"), StringComparison.Ordinal);
        Assert.StartsWith("parameter", Formatter.ToDisplayString(table, "text/plain"), StringComparison.Ordinal);
        Assert.Equal("text/html", Formatter.GetPreferredMimeTypesFor(typeof(ComputationalGraph)).First());
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
