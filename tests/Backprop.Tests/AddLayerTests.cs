namespace Backprop.Tests;

public class AddLayerTests
{
    [Fact]
    public void Backward_passes_dout_to_both_inputs()
    {
        var layer = new AddLayer();
        Assert.Equal(7.0, layer.Forward(3, 4));
        Assert.Equal((2.5, 2.5), layer.Backward(2.5));
    }

    [Fact]
    public void Backward_agrees_with_the_numerical_gradient()
    {
        double x = 1.5, y = -0.75, dout = 3;
        var layer = new AddLayer();
        layer.Forward(x, y);
        var (dx, dy) = layer.Backward(dout);

        Assert.Equal(NumericalGradient.Of(v => dout * new AddLayer().Forward(v, y), x), dx, 1e-9);
        Assert.Equal(NumericalGradient.Of(v => dout * new AddLayer().Forward(x, v), y), dy, 1e-9);
    }

    [Fact]
    public void Backward_before_Forward_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AddLayer().Backward(1));
        Assert.Contains("before Forward", error.Message);
    }
}
