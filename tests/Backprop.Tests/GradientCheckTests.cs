using static Backprop.Tests.TestData;

namespace Backprop.Tests;

public class GradientCheckTests
{
    [Fact]
    public void Reports_the_largest_absolute_and_relative_error()
    {
        // Entry errors: |1 − 1.1| = 0.1 → 0.1/2.1; |−3 − (−3)| = 0; |0.01 − 0.02| = 0.01 → 0.01/0.03.
        var result = GradientCheck.Compare("W", M([1.0, -3.0, 0.01]), M([1.1, -3.0, 0.02]));
        Assert.Equal("W", result.Parameter);
        Assert.Equal(0.1, result.MaxAbsError, 1e-15);
        Assert.Equal(0.01 / 0.03, result.RelativeError, 1e-15);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Entries_that_are_both_almost_zero_are_measured_against_the_floor()
    {
        // 0 against 0 would be 0/0; with the floor it is 0/1e-8 = 0.
        Assert.Equal(0.0, GradientCheck.Compare("b", V(0.0), V(0.0)).RelativeError);
        Assert.Equal(2e-12 / 1e-8, GradientCheck.Compare("b", V(0.0, 1e-12), V(0.0, 3e-12)).RelativeError, 1e-18);
    }

    [Fact]
    public void Passes_below_the_tolerance_and_fails_at_it()
    {
        Assert.True(new GradientCheckResult("x", 0, 0.99e-7).Passed);
        Assert.False(new GradientCheckResult("x", 0, 1e-7).Passed);
        Assert.True(new GradientCheckResult("x", 0, 1e-6) { Tolerance = 1e-5 }.Passed);
        Assert.Equal(1e-7, GradientCheckResult.DefaultTolerance);
    }

    [Fact]
    public void A_NaN_gradient_fails()
    {
        Assert.False(GradientCheck.Compare("x", V(double.NaN), V(1.0)).Passed);
    }

    [Fact]
    public void A_wrong_backward_is_caught()
    {
        // Sigmoid's derivative written as y instead of y(1 − y): the check must fail it.
        var x = Normal(2, 3, seed: 40);
        var y = new Sigmoid().Forward(x);
        var numerical = NumericalGradient.Of(() => new Sigmoid().Forward(x).Enumerate().Sum(), x);
        Assert.False(GradientCheck.Compare("x", y, numerical).Passed);
    }

    [Fact]
    public void Gradients_of_different_shapes_name_both_shapes()
    {
        var matrices = Assert.Throws<ArgumentException>(() => GradientCheck.Compare("W", M([1.0, 2.0]), M([1.0], [2.0])));
        Assert.Contains("(1,2)", matrices.Message);
        Assert.Contains("(2,1)", matrices.Message);

        var vectors = Assert.Throws<ArgumentException>(() => GradientCheck.Compare("b", V(1.0), V(1.0, 2.0)));
        Assert.Contains("(1,)", vectors.Message);
        Assert.Contains("(2,)", vectors.Message);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => GradientCheck.Compare(null!, V(1.0), V(1.0)));
        Assert.Throws<ArgumentNullException>(() => GradientCheck.Compare("x", null!, M([1.0])));
        Assert.Throws<ArgumentNullException>(() => GradientCheck.Compare("x", V(1.0), null!));
    }
}
