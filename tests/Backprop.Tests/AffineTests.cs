using static Backprop.Tests.TestData;

namespace Backprop.Tests;

public class AffineTests
{
    [Fact]
    public void The_seeds_worked_example()
    {
        var W = M([1.0, 2.0], [3.0, 4.0], [5.0, 6.0]);
        var X = M([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]);
        var b = V(1.0, 2.0);
        var net = new Affine(W, b);

        var y = net.Forward(X);
        var dx = net.Backward(M([1.0, 1.0], [1.0, 1.0]));

        Assert.Equal(M([19.0, 26.0], [19.0, 26.0]), y);
        Assert.Equal(M([3.0, 7.0, 11.0], [3.0, 7.0, 11.0]), dx);
        Assert.Equal(M([4.0, 4.0], [4.0, 4.0], [4.0, 4.0]), net.dW);
        Assert.Equal(V(2.0, 2.0), net.db);
    }

    [Fact]
    public void Bias_is_added_to_every_row_and_db_is_the_column_sum_of_dout()
    {
        // The seed's broadcasting example: X·W = [[0,0,0],[10,10,10]] plus B = [1,2,3] ...
        var net = new Affine(M([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]), V(1.0, 2.0, 3.0));
        Assert.Equal(M([1.0, 2.0, 3.0], [11.0, 12.0, 13.0]), net.Forward(M([0.0, 0.0, 0.0], [10.0, 10.0, 10.0])));

        // ... and dB = np.sum(dY, axis=0) of [[1,2,3],[4,5,6]] is [5,7,9].
        net.Backward(M([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]));
        Assert.Equal(V(5.0, 7.0, 9.0), net.db);
    }

    [Fact]
    public void Backward_agrees_with_the_numerical_gradient_for_x_W_and_b()
    {
        var x = Normal(3, 4, seed: 5);
        var W = Normal(4, 2, seed: 6);
        var b = NormalVector(2, seed: 7);
        var dout = AwayFromZero(3, 2, seed: 8);
        var layer = new Affine(W, b);
        layer.Forward(x);
        var dx = layer.Backward(dout);

        // The loss reads x, W and b through the layer, so nudging them in place is what it sees.
        double Loss() => Weighted(layer.Forward(x), dout);
        var checks = new[]
        {
            GradientCheck.Compare("x", dx, NumericalGradient.Of(Loss, x)),
            GradientCheck.Compare("W", layer.dW, NumericalGradient.Of(Loss, W)),
            GradientCheck.Compare("b", layer.db, NumericalGradient.Of(Loss, b)),
        };

        Assert.All(checks, check => Assert.True(check.RelativeError < 1e-7, check.ToString()));
    }

    [Fact]
    public void Keeps_the_very_W_and_b_it_was_given_and_sees_changes_made_in_place()
    {
        var W = M([1.0], [1.0]);
        var b = V(0.0);
        var layer = new Affine(W, b);
        Assert.Same(W, layer.W);
        Assert.Same(b, layer.b);

        var x = M([1.0, 2.0]);
        Assert.Equal(M([3.0]), layer.Forward(x));
        W[1, 0] = 10;
        b[0] = 0.5;
        Assert.Equal(M([21.5]), layer.Forward(x));
    }

    [Fact]
    public void Forward_and_Backward_leave_the_callers_arrays_alone()
    {
        var W = M([1.0, 2.0], [3.0, 4.0]);
        var b = V(1.0, -1.0);
        var x = M([1.0, 2.0]);
        var dout = M([1.0, 1.0]);
        var layer = new Affine(W, b);
        layer.Forward(x);
        layer.Backward(dout);

        Assert.Equal(M([1.0, 2.0], [3.0, 4.0]), W);
        Assert.Equal(V(1.0, -1.0), b);
        Assert.Equal(M([1.0, 2.0]), x);
        Assert.Equal(M([1.0, 1.0]), dout);
    }

    [Fact]
    public void Forward_with_misaligned_x_names_both_shapes_as_NumPy_does()
    {
        var layer = new Affine(Normal(2, 2, seed: 9), V(0.0, 0.0));
        var error = Assert.Throws<ArgumentException>(() => layer.Forward(Normal(2, 3, seed: 10)));
        Assert.StartsWith("shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)", error.Message);
    }

    [Fact]
    public void Backward_with_a_dout_of_another_shape_names_both_shapes()
    {
        var layer = new Affine(Normal(3, 2, seed: 11), V(0.0, 0.0));
        layer.Forward(Normal(4, 3, seed: 12));
        var error = Assert.Throws<ArgumentException>(() => layer.Backward(Normal(4, 3, seed: 13)));
        Assert.Contains("(4,3)", error.Message);
        Assert.Contains("(4,2)", error.Message);
    }

    [Fact]
    public void A_bias_that_does_not_fit_W_names_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new Affine(Normal(3, 2, seed: 14), V(0.0, 0.0, 0.0)));
        Assert.Contains("(3,)", error.Message);
        Assert.Contains("(3,2)", error.Message);
    }

    [Fact]
    public void Backward_before_Forward_says_so()
    {
        var layer = new Affine(M([1.0]), V(0.0));
        var error = Assert.Throws<InvalidOperationException>(() => layer.Backward(M([1.0])));
        Assert.Contains("before Forward", error.Message);
        Assert.Throws<InvalidOperationException>(() => layer.dW);
        Assert.Throws<InvalidOperationException>(() => layer.db);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new Affine(null!, V(0.0)));
        Assert.Throws<ArgumentNullException>(() => new Affine(M([1.0]), null!));
        var layer = new Affine(M([1.0]), V(0.0));
        Assert.Throws<ArgumentNullException>(() => layer.Forward(null!));
        layer.Forward(M([1.0]));
        Assert.Throws<ArgumentNullException>(() => layer.Backward(null!));
    }

    [FsCheck.Xunit.Property]
    public bool Dx_has_the_shape_of_x_and_dW_the_shape_of_W(FsCheck.PositiveInt batch, FsCheck.PositiveInt inputs, FsCheck.PositiveInt outputs)
    {
        int n = 1 + (batch.Get % 8), d = 1 + (inputs.Get % 8), k = 1 + (outputs.Get % 8);
        var layer = new Affine(Normal(d, k, seed: d * 100 + k), NormalVector(k, seed: k));
        var x = Normal(n, d, seed: n);
        layer.Forward(x);
        var dx = layer.Backward(Normal(n, k, seed: n + k));
        return dx.RowCount == n && dx.ColumnCount == d
            && layer.dW.RowCount == d && layer.dW.ColumnCount == k
            && layer.db.Count == k;
    }
}
