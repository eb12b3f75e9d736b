namespace Backprop;

/// <summary>The multiply node z = x·y: ∂z/∂x = y and ∂z/∂y = x, so forward keeps both inputs for backward.</summary>
public sealed class MulLayer
{
    private double x;
    private double y;
    private bool forwarded; // not for the math: a backward through a node that never ran forward is a wiring mistake

    /// <summary>Returns x·y and keeps x and y.</summary>
    public double Forward(double x, double y)
    {
        this.x = x;
        this.y = y;
        forwarded = true;
        return x * y;
    }

    /// <summary>The upstream dout times each local derivative: the inputs swapped.</summary>
    public (double dx, double dy) Backward(double dout)
    {
        Ensure.Forwarded(forwarded, nameof(MulLayer));
        double dx = dout * y; // ∂z/∂x = y
        double dy = dout * x; // ∂z/∂y = x
        return (dx, dy);
    }
}
