using static Backprop.Tests.TestData;

namespace Backprop.Tests;

public class SgdTests
{
    [Fact]
    public void Steps_each_parameter_against_its_gradient_in_place()
    {
        var W = M([1.0, 2.0], [3.0, 4.0]);
        var b = V(1.0, -1.0);
        var sgd = new Sgd(0.5);

        sgd.Update(W, M([2.0, 0.0], [-2.0, 4.0]));
        sgd.Update(b, V(1.0, 1.0));

        Assert.Equal(M([0.0, 2.0], [4.0, 2.0]), W);
        Assert.Equal(V(0.5, -1.5), b);
    }

    [Fact]
    public void Updates_every_parameter_of_a_net_and_the_net_sees_it()
    {
        var net = new TwoLayerNet(3, 4, 2, seed: 5);
        var x = Normal(5, 3, seed: 6);
        int[] labels = [0, 1, 1, 0, 1];
        var before = (W1: net.W1.Clone(), b1: net.b1.Clone(), W2: net.W2.Clone(), b2: net.b2.Clone());
        double loss = net.Loss(x, labels);
        var grad = net.Gradient(x, labels);

        new Sgd(0.1).Update(net, grad);

        MatrixAssert.Close(before.W1 - 0.1 * grad.W1, net.W1, 1e-15);
        MatrixAssert.Close((before.b1 - 0.1 * grad.b1).ToRowMatrix(), net.b1.ToRowMatrix(), 1e-15);
        MatrixAssert.Close(before.W2 - 0.1 * grad.W2, net.W2, 1e-15);
        MatrixAssert.Close((before.b2 - 0.1 * grad.b2).ToRowMatrix(), net.b2.ToRowMatrix(), 1e-15);
        Assert.True(net.Loss(x, labels) < loss);   // a small step downhill lowers the loss
    }

    [Fact]
    public void Shapes_and_learning_rate_are_checked()
    {
        var sgd = new Sgd(0.1);
        var e = Assert.Throws<ArgumentException>(() => sgd.Update(M([1.0, 2.0]), M([1.0], [2.0])));
        Assert.Contains("(2,1)", e.Message, StringComparison.Ordinal);
        Assert.Contains("(1,2)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(double.NaN));
    }
}
