namespace Backprop.Tests;

public class MulLayerTests
{
    [Fact]
    public void Backward_swaps_the_inputs()
    {
        var layer = new MulLayer();
        Assert.Equal(12.0, layer.Forward(3, 4));
        Assert.Equal((8.0, 6.0), layer.Backward(2));
    }

    [Theory]
    [InlineData(3.0, -4.0, 1.0)]
    [InlineData(0.25, 7.5, -2.0)]
    public void Backward_agrees_with_the_numerical_gradient(double x, double y, double dout)
    {
        var layer = new MulLayer();
        layer.Forward(x, y);
        var (dx, dy) = layer.Backward(dout);

        // f(x) = x·y is linear in each input, so central differences are exact up to rounding.
        double numericalDx = NumericalGradient.Of(v => dout * new MulLayer().Forward(v, y), x);
        double numericalDy = NumericalGradient.Of(v => dout * new MulLayer().Forward(x, v), y);
        Assert.Equal(numericalDx, dx, 1e-9);
        Assert.Equal(numericalDy, dy, 1e-9);
    }

    [Fact]
    public void Backward_before_Forward_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MulLayer().Backward(1));
        Assert.Contains("before Forward", error.Message);
    }
}
