using static Backprop.Tests.TestData;

namespace Backprop.Tests;

public class SigmoidTests
{
    [Fact]
    public void Forward_gives_the_books_values()
    {
        // sigmoid(np.array([-1.0, 1.0, 2.0])) from chapter 3, to every digit Python's math.exp gives.
        var y = new Sigmoid().Forward(M([-1.0, 1.0, 2.0]));
        Assert.Equal(0.2689414213699951, y[0, 0], 1e-15);
        Assert.Equal(0.7310585786300049, y[0, 1], 1e-15);
        Assert.Equal(0.8807970779778823, y[0, 2], 1e-15);
    }

    [Fact]
    public void Forward_of_huge_inputs_saturates_without_NaN()
    {
        var y = new Sigmoid().Forward(M([-1000.0, 1000.0]));
        Assert.Equal(M([0.0, 1.0]), y);
    }

    [Fact]
    public void Backward_is_dout_times_y_times_one_minus_y()
    {
        var sigmoid = new Sigmoid();
        sigmoid.Forward(M([0.0]));
        Assert.Equal(M([0.5]), sigmoid.Backward(M([2.0]))); // 2 · ½ · ½
    }

    [Fact]
    public void Backward_agrees_with_the_numerical_gradient()
    {
        var x = Normal(4, 5, seed: 3);
        var dout = AwayFromZero(4, 5, seed: 4);
        var sigmoid = new Sigmoid();
        sigmoid.Forward(x);
        var dx = sigmoid.Backward(dout);

        var numerical = NumericalGradient.Of(() => Weighted(new Sigmoid().Forward(x), dout), x);

        var check = GradientCheck.Compare("x", dx, numerical);
        Assert.True(check.RelativeError < 1e-7, check.ToString());
    }

    [Fact]
    public void Forward_and_Backward_leave_the_callers_arrays_alone()
    {
        var x = M([1.0, -1.0]);
        var dout = M([3.0, 4.0]);
        var sigmoid = new Sigmoid();
        sigmoid.Forward(x);
        sigmoid.Backward(dout);
        Assert.Equal(M([1.0, -1.0]), x);
        Assert.Equal(M([3.0, 4.0]), dout);
    }

    [Fact]
    public void Backward_before_Forward_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Sigmoid().Backward(M([1.0])));
        Assert.Contains("before Forward", error.Message);
    }

    [Fact]
    public void Backward_with_a_dout_of_another_shape_names_both_shapes()
    {
        var sigmoid = new Sigmoid();
        sigmoid.Forward(M([1.0, 2.0, 3.0]));
        var error = Assert.Throws<ArgumentException>(() => sigmoid.Backward(M([1.0], [2.0], [3.0])));
        Assert.Contains("(3,1)", error.Message);
        Assert.Contains("(1,3)", error.Message);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var sigmoid = new Sigmoid();
        Assert.Throws<ArgumentNullException>(() => sigmoid.Forward(null!));
        sigmoid.Forward(M([1.0]));
        Assert.Throws<ArgumentNullException>(() => sigmoid.Backward(null!));
    }
}
