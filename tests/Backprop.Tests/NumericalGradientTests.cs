using static Backprop.Tests.TestData;

namespace Backprop.Tests;

/// <summary>The book's chapter 4 examples, whose printed values central differences with h = 1e-4 reproduce.</summary>
public class NumericalGradientTests
{
    private static double Function1(double x) => 0.01 * (x * x) + 0.1 * x; // the book's 0.01*x**2 + 0.1*x

    [Fact]
    public void Derivative_of_the_books_function_1()
    {
        // numerical_diff(function_1, 5) and (function_1, 10); the exact derivatives are 0.2 and 0.3.
        Assert.Equal(0.1999999999990898, NumericalGradient.Of(Function1, 5), 1e-15);
        Assert.Equal(0.2999999999986347, NumericalGradient.Of(Function1, 10), 1e-15);
    }

    [Theory]
    [InlineData(3.0, 4.0, 6.00000000000378, 7.999999999999119)]
    [InlineData(0.0, 2.0, 0.0, 4.000000000004)]
    [InlineData(3.0, 0.0, 6.000000000012662, 0.0)]
    public void Gradient_of_the_books_function_2(double x0, double x1, double g0, double g1)
    {
        // function_2(x) = x0² + x1², whose gradient is (2·x0, 2·x1).
        var x = V(x0, x1);
        var grad = NumericalGradient.Of(() => x[0] * x[0] + x[1] * x[1], x);
        Assert.Equal(g0, grad[0], 1e-12);
        Assert.Equal(g1, grad[1], 1e-12);
    }

    [Fact]
    public void Matrix_gradient_of_a_weighted_sum_of_squares()
    {
        // f(X) = Σ c·x², so ∂f/∂x = 2·c·x; the h² error term vanishes for a quadratic.
        var x = Normal(3, 2, seed: 30);
        var c = Normal(3, 2, seed: 31);
        var grad = NumericalGradient.Of(() => Weighted(x.PointwisePower(2), c), x);
        MatrixAssert.Close(2 * c.PointwiseMultiply(x), grad, 1e-9);
    }

    [Fact]
    public void Restores_every_entry_exactly()
    {
        var x = Normal(3, 4, seed: 32);
        var v = NormalVector(5, seed: 33);
        var xBefore = x.Clone();
        var vBefore = v.Clone();

        NumericalGradient.Of(() => x.Enumerate().Sum(Math.Sin), x);
        NumericalGradient.Of(() => v.Enumerate().Sum(Math.Sin), v);

        Assert.Equal(xBefore, x);
        Assert.Equal(vBefore, v);
    }

    [Fact]
    public void Restores_the_entry_even_when_f_throws()
    {
        var x = V(1.0, 2.0);
        Assert.Throws<InvalidOperationException>(() => NumericalGradient.Of(() => throw new InvalidOperationException(), x));
        Assert.Equal(V(1.0, 2.0), x);
    }

    [Fact]
    public void Changes_one_entry_at_a_time_by_h()
    {
        var x = M([1.0, 2.0]);
        var seen = new List<(double, double)>();
        NumericalGradient.Of(() => { seen.Add((x[0, 0], x[0, 1])); return 0; }, x);
        Assert.Equal([(1 + NumericalGradient.H, 2.0), (1 - NumericalGradient.H, 2.0), (1.0, 2 + NumericalGradient.H), (1.0, 2 - NumericalGradient.H)], seen);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => NumericalGradient.Of(null!, M([1.0])));
        Assert.Throws<ArgumentNullException>(() => NumericalGradient.Of(() => 0, (MathNet.Numerics.LinearAlgebra.Matrix<double>)null!));
        Assert.Throws<ArgumentNullException>(() => NumericalGradient.Of(null!, 1.0));
    }
}
