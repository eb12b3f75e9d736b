namespace Backprop;

/// <summary>
/// The addition node z = x + y. Both local derivatives are 1, so backward passes the upstream
/// gradient on unchanged to both inputs; unlike <see cref="MulLayer"/> it needs no stored values.
/// </summary>
public sealed class AddLayer
{
    private bool forwarded;

    /// <summary>Returns x + y.</summary>
    public double Forward(double x, double y)
    {
        forwarded = true;
        return x + y;
    }

    /// <summary>Chain rule with ∂z/∂x = ∂z/∂y = 1: dx = dy = dout.</summary>
    public (double dx, double dy) Backward(double dout)
    {
        // The values are not needed, but a backward pass through a node that never ran forward
        // is a wiring mistake in the graph, and every layer reports it the same way.
        if (!forwarded)
        {
            throw new InvalidOperationException(
                "AddLayer.Backward was called before Forward: run the forward pass through the graph first.");
        }

        double dx = dout * 1;
        double dy = dout * 1;
        return (dx, dy);
    }
}
