namespace Backprop;

/// <summary>The add node z = x + y: ∂z/∂x = ∂z/∂y = 1, so backward passes dout on to both inputs and needs no stored values.</summary>
public sealed class AddLayer
{
    private bool forwarded; // not for the math: a backward through a node that never ran forward is a wiring mistake

    /// <summary>Returns x + y.</summary>
    public double Forward(double x, double y)
    {
        forwarded = true;
        return x + y;
    }

    /// <summary>The upstream dout times each local derivative, 1.</summary>
    public (double dx, double dy) Backward(double dout)
    {
        Ensure.Ran(forwarded, nameof(AddLayer));
        double dx = dout * 1; // ∂z/∂x = 1
        double dy = dout * 1; // ∂z/∂y = 1
        return (dx, dy);
    }
}
