using static Backprop.Tests.TestData;

namespace Backprop.Tests;

public class AffineBackwardParametersTests
{
    [Fact]
    public void Sets_the_same_dW_and_db_as_Backward()
    {
        var W = Normal(7, 5, seed: 1);
        var b = NormalVector(5, seed: 2);
        var x = Normal(9, 7, seed: 3);
        var dout = Normal(9, 5, seed: 4);
        var full = new Affine(W, b);
        full.Forward(x);
        full.Backward(dout);
        var partial = new Affine(W, b);
        partial.Forward(x);

        partial.BackwardParameters(dout);

        Assert.Equal(full.dW, partial.dW);
        Assert.Equal(full.db, partial.db);
    }

    [Fact]
    public void Before_Forward_it_is_a_clear_error()
    {
        var layer = new Affine(Normal(3, 2, seed: 1), NormalVector(2, seed: 2));
        var e = Assert.Throws<InvalidOperationException>(() => layer.BackwardParameters(Normal(1, 2, seed: 3)));
        Assert.Contains("before Forward", e.Message, StringComparison.Ordinal);
    }
}
