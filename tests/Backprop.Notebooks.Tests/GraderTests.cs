using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// The exercise graders without a kernel (ExerciseChecksTests in Notebooks.Tests runs them in the real one, on the
/// solutions and wrong answers kept beside the tests): one verdict each, any exception from the student's code a
/// hint, numbers in the invariant culture whatever the thread's culture.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class GraderTests
{
    [Fact]
    public void A_right_division_layer_passes()
    {
        Assert.Equal("Exercise 1 passed: DivLayer agrees with the numerical gradient.\n", Printed(() => Grader.DivisionLayer(1, () => Layer(sign: -1))));
    }

    [Fact]
    public void A_wrong_derivative_fails_with_its_values_and_hint_in_the_invariant_culture()
    {
        string said = Printed(() => Grader.DivisionLayer(1, () => Layer(sign: +1)), DecimalCommas());
        Assert.StartsWith("Exercise 1 failed:\n", said, StringComparison.Ordinal);
        // z = 3/2: ∂z/∂y = −x/y² = −0.75; the sign forgotten gives 0.75.
        Assert.Contains("dy at x = 3, y = 2, dout = 1: yours 0.75, numerical -0.75", said, StringComparison.Ordinal);
        Assert.Contains("dy at x = -1.5, y = 0.5", said, StringComparison.Ordinal);
        Assert.Contains("mind the minus sign and the square", said, StringComparison.Ordinal);
        Assert.DoesNotContain("dx at", said, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_from_the_students_code_becomes_a_hint()
    {
        string said = Printed(() => Grader.DivisionLayer(2, () => ((x, y) => x / y, _ => throw new InvalidOperationException("no inputs kept"))));
        Assert.Equal(
            "Exercise 2 failed:\nYour Backward threw InvalidOperationException: no inputs kept. Hint: Backward needs what Forward kept in fields: the inputs x and y.\n",
            said);
    }

    [Fact]
    public void A_stub_is_not_done_yet_with_its_own_message()
    {
        string said = Printed(() => Grader.DivisionLayer(1, () => ((_, _) => throw new NotImplementedException("Forward returns x / y"), _ => (0, 0))));
        Assert.Equal("Exercise 1 not done yet: Forward returns x / y.\n", said);
    }

    [Fact]
    public void A_matrix_product_of_the_wrong_shapes_inside_the_students_backward_gets_the_shape_hint()
    {
        // dout · W instead of dout · Wᵀ: MathNet's own "Matrix dimensions must agree".
        string said = Printed(() => Grader.AffineBackward(1, (w, b) => new WrongAffine(w, b), layer => (layer.dW, layer.db)));
        Assert.StartsWith("Exercise 1 failed:\nYour Backward threw ArgumentException: Matrix dimensions must agree", said, StringComparison.Ordinal);
        Assert.Contains("Hint: a matrix product needs matching inner dimensions", said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_softmax_without_the_max_overflows_and_says_so()
    {
        string said = Printed(() => Grader.RowSoftmax(2, a =>
        {
            var exp = a.Map(Math.Exp);
            return Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount, (i, j) => exp[i, j] / exp.Row(i).Sum());
        }));
        Assert.StartsWith("Exercise 2 failed:\nhuge scores: NaN or ∞ in the result\n[[nan nan nan]]\n", said, StringComparison.Ordinal);
        Assert.DoesNotContain("random scores", said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relu_forward_that_zeroes_its_own_input_is_told_so_not_sent_to_backward()
    {
        // Forward zeroes x in place and returns it (the book's out = x.copy() left out); Backward is right.
        string said = Printed(() => Grader.ReluLayer(1, () => new InPlaceRelu()));
        Assert.Equal(
            "Exercise 1 failed:\nForward changed its input x: the caller may still need it, so write the result into a new matrix (the book copies: out = x.copy()).\n",
            said);
    }

    [Theory]
    [InlineData("ko", "Forward가 입력 x를 바꾸었습니다.")]
    [InlineData("ja", "Forward が入力 x を書き換えています。")]
    public void The_relu_input_hint_is_in_the_editions_language(string language, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            string said = Printed(() => Grader.ReluLayer(1, () => new InPlaceRelu()));
            Assert.Contains(expected, said, StringComparison.Ordinal);
            Assert.Contains("out = x.copy()", said, StringComparison.Ordinal);
            Assert.DoesNotContain("Forward changed", said, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void A_right_relu_passes()
    {
        Assert.Equal("Exercise 1 passed: MyRelu is right and leaves dout alone.\n", Printed(() => Grader.ReluLayer(1, () => new InPlaceRelu(copy: true))));
    }

    /// <summary>A ReLU with a right Backward; without <paramref name="copy"/> its Forward overwrites the caller's x.</summary>
    private sealed class InPlaceRelu(bool copy = false) : ILayer
    {
        private bool[,] mask = new bool[0, 0];

        public Matrix<double> Forward(Matrix<double> x)
        {
            var output = copy ? x.Clone() : x;
            mask = new bool[x.RowCount, x.ColumnCount];
            for (int i = 0; i < x.RowCount; i++)
            {
                for (int j = 0; j < x.ColumnCount; j++)
                {
                    mask[i, j] = output[i, j] <= 0;
                    if (mask[i, j])
                    {
                        output[i, j] = 0;
                    }
                }
            }

            return output;
        }

        public Matrix<double> Backward(Matrix<double> dout) =>
            Matrix<double>.Build.Dense(dout.RowCount, dout.ColumnCount, (i, j) => mask[i, j] ? 0 : dout[i, j]);
    }

    /// <summary>A division layer; <paramref name="sign"/> +1 forgets the minus of ∂z/∂y = −x/y².</summary>
    private static (Func<double, double, double> Forward, Func<double, (double, double)> Backward) Layer(int sign)
    {
        var layer = new DivLayer(sign);
        return (layer.Forward, layer.Backward);
    }

    private sealed class DivLayer(int sign)
    {
        private double x, y;

        public double Forward(double x, double y)
        {
            (this.x, this.y) = (x, y);
            return x / y;
        }

        public (double dx, double dy) Backward(double dout) => (dout / y, sign * dout * x / (y * y));
    }

    /// <summary>A culture that writes 0,75 (German's, built by hand: the tests run in globalization-invariant mode).</summary>
    private static CultureInfo DecimalCommas()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        Assert.Equal("0,75", 0.75.ToString(culture));
        return culture;
    }

    private static string Printed(Action grade, CultureInfo? culture = null)
    {
        var before = (Console.Out, CultureInfo.CurrentCulture);
        var output = new StringWriter { NewLine = "\n" };
        try
        {
            CultureInfo.CurrentCulture = culture ?? CultureInfo.InvariantCulture;
            Console.SetOut(output);
            grade();
        }
        finally
        {
            Console.SetOut(before.Out);
            CultureInfo.CurrentCulture = before.CurrentCulture;
        }

        return output.ToString();
    }

    private sealed class WrongAffine(Matrix<double> W, MathNet.Numerics.LinearAlgebra.Vector<double> b) : ILayer
    {
        private Matrix<double> x = Matrix<double>.Build.Dense(1, 1);

        public Matrix<double> dW { get; private set; } = Matrix<double>.Build.Dense(1, 1);

        public MathNet.Numerics.LinearAlgebra.Vector<double> db { get; private set; } = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(1);

        public Matrix<double> Forward(Matrix<double> x)
        {
            this.x = x;
            return (x * W).MapIndexed((_, j, v) => v + b[j]);
        }

        public Matrix<double> Backward(Matrix<double> dout)
        {
            var dx = dout * W;
            dW = x.Transpose() * dout;
            db = dout.ColumnSums();
            return dx;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    public const string Name = "Console.Out";
}
