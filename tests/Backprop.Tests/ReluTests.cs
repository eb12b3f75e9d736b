using static Backprop.Tests.TestData;

namespace Backprop.Tests;

public class ReluTests
{
    [Fact]
    public void Forward_zeroes_non_positive_entries()
    {
        var y = new Relu().Forward(M([1.0, -0.5], [-2.0, 3.0]));
        Assert.Equal(M([1.0, 0.0], [0.0, 3.0]), y);
    }

    [Fact]
    public void Backward_blocks_where_the_input_was_at_most_zero_including_the_kink()
    {
        var relu = new Relu();
        relu.Forward(M([1.0, -0.5, 0.0]));
        Assert.Equal(M([10.0, 0.0, 0.0]), relu.Backward(M([10.0, 20.0, 30.0])));
    }

    [Fact]
    public void Backward_agrees_with_the_numerical_gradient_away_from_the_kink()
    {
        // Every entry is moved 0.01 further from 0: at the kink x = 0 there is no derivative,
        // and within h of it a central difference would straddle both sides.
        var x = Normal(4, 5, seed: 1).Map(v => v >= 0 ? v + 0.01 : v - 0.01);
        var dout = AwayFromZero(4, 5, seed: 2);
        var relu = new Relu();
        relu.Forward(x);
        var dx = relu.Backward(dout);

        var numerical = NumericalGradient.Of(() => Weighted(new Relu().Forward(x), dout), x);

        var check = GradientCheck.Compare("x", dx, numerical);
        Assert.True(check.Passed, check.ToString());
    }

    [Fact]
    public void Forward_and_Backward_leave_the_callers_arrays_alone()
    {
        var x = M([1.0, -1.0], [0.0, 2.0]);
        var dout = M([5.0, 6.0], [7.0, 8.0]);
        var relu = new Relu();

        relu.Forward(x);
        relu.Backward(dout);

        // The book's backward does dout[self.mask] = 0, which would leave [[5,0],[0,8]] here.
        Assert.Equal(M([1.0, -1.0], [0.0, 2.0]), x);
        Assert.Equal(M([5.0, 6.0], [7.0, 8.0]), dout);
    }

    [Fact]
    public void Works_on_sparse_matrices_including_their_zeros()
    {
        // A sparse matrix stores no zeros, yet x = 0 must still block the gradient.
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.SparseOfRowArrays([0.0], [3.0]);
        var relu = new Relu();
        Assert.Equal(M([0.0], [3.0]), relu.Forward(x));
        Assert.Equal(M([0.0], [6.0]), relu.Backward(M([5.0], [6.0])));
    }

    [Fact]
    public void Backward_before_Forward_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Relu().Backward(M([1.0])));
        Assert.Contains("before Forward", error.Message);
    }

    [Fact]
    public void Backward_with_a_dout_of_another_shape_names_both_shapes()
    {
        var relu = new Relu();
        relu.Forward(M([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]));
        var error = Assert.Throws<ArgumentException>(() => relu.Backward(M([1.0, 2.0], [3.0, 4.0])));
        Assert.Contains("(2,2)", error.Message);
        Assert.Contains("(2,3)", error.Message);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var relu = new Relu();
        Assert.Throws<ArgumentNullException>(() => relu.Forward(null!));
        relu.Forward(M([1.0]));
        Assert.Throws<ArgumentNullException>(() => relu.Backward(null!));
    }
}
