namespace Backprop;

/// <summary>
/// The multiplication node z = x·y. Its local derivatives are ∂z/∂x = y and ∂z/∂y = x, so backward
/// multiplies the upstream gradient by the <em>other</em> input, which is why forward must remember both.
/// </summary>
public sealed class MulLayer
{
    private double x;
    private double y;
    private bool forwarded;

    /// <summary>Returns x·y and keeps x and y for <see cref="Backward"/>.</summary>
    public double Forward(double x, double y)
    {
        this.x = x;
        this.y = y;
        forwarded = true;
        return x * y;
    }

    /// <summary>Chain rule: dx = dout·y, dy = dout·x (the inputs swapped).</summary>
    public (double dx, double dy) Backward(double dout)
    {
        if (!forwarded)
        {
            throw new InvalidOperationException(
                "MulLayer.Backward was called before Forward: Backward needs the inputs x and y that Forward saves.");
        }

        double dx = dout * y;
        double dy = dout * x;
        return (dx, dy);
    }
}
