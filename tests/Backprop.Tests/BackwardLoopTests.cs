using static Backprop.Tests.TestData;

namespace Backprop.Tests;

/// <summary>
/// TwoLayerNet.Gradient walks the reversed layers as the book's gradient() does. These tests hold it to a loop
/// written here from the book's code (a different order, or a layer skipped, gives other gradients) and keep
/// the first layer's dx, which the network does not use.
/// </summary>
public class BackwardLoopTests
{
    [Fact]
    public void Gradient_gives_what_the_books_loop_through_every_layer_gives()
    {
        var net = new TwoLayerNet(6, 5, 3, weightInitStd: 0.5, seed: 7);
        var x = Normal(4, 6, seed: 8);
        int[] t = [2, 0, 1, 2];
        var grads = net.Gradient(x, t);
        var kept = (grads.W1.Clone(), grads.b1.Clone(), grads.W2.Clone(), grads.b2.Clone());

        // The book's gradient(): dout = lastLayer.backward(1), then layer.backward(dout) for the reversed layers, dx included.
        net.Loss(x, t);
        var dout = net.LastLayer.Backward(1);
        foreach (var (_, layer) in net.Layers.Reverse())
        {
            dout = layer.Backward(dout);
        }

        var affine1 = (Affine)net.Layers[0].Value;
        var affine2 = (Affine)net.Layers[2].Value;
        Assert.Equal(kept, (affine1.dW, affine1.db, affine2.dW, affine2.db));
        Assert.Equal((4, 6), (dout.RowCount, dout.ColumnCount)); // ∂L/∂x of the data, computed only when asked
    }

    [Fact]
    public void The_networks_first_layer_called_directly_still_returns_dx()
    {
        var net = new TwoLayerNet(6, 5, 3, seed: 9);
        var x = Normal(4, 6, seed: 10);
        var dout = Normal(4, 5, seed: 11);
        var affine1 = net.Layers[0].Value;
        affine1.Forward(x);

        var dx = affine1.Backward(dout);

        MatrixAssert.Close(dout * net.W1.Transpose(), dx, 1e-12);
    }
}
