namespace Backprop;

/// <summary>
/// ReLU, y = max(0, x) elementwise: ∂y/∂x is 1 where x &gt; 0 and 0 where x ≤ 0 (at the kink x = 0 too, as in the
/// book, whose mask is <c>x &lt;= 0</c>), so backward lets dout through where the input was positive.
/// </summary>
public sealed class Relu : ILayer
{
    private Mask? mask;

    /// <summary>Returns a new matrix max(0, x) and keeps the mask of x ≤ 0.</summary>
    public Matrix<double> Forward(Matrix<double> x)
    {
        mask = Mask.AtMostZero(x); // self.mask = (x <= 0)
        return mask.Zero(x);       // out = x.copy(); out[self.mask] = 0
    }

    /// <summary>dx = dout, 0 where x ≤ 0: a new matrix, where the book zeroes the caller's dout in place.</summary>
    public Matrix<double> Backward(Matrix<double> dout)
    {
        var mask = Ensure.Forwarded(this.mask, nameof(Relu));
        Ensure.SameShape(dout, mask.Rows, mask.Columns, nameof(Relu));
        return mask.Zero(dout); // ∂y/∂x = 0 where x ≤ 0, else 1
    }
}
