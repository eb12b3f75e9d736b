using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// ReLU, y = max(0, x) elementwise. Its derivative is 1 where x &gt; 0 and 0 where x ≤ 0, so backward
/// lets the upstream gradient through where the input was positive and blocks it elsewhere.
/// The mask is <c>x &lt;= 0</c>, as in the book: at the kink x = 0 the gradient is taken to be 0.
/// </summary>
public sealed class Relu : ILayer
{
    private bool[,]? mask;

    /// <summary>Returns a new matrix max(0, x); remembers where x ≤ 0.</summary>
    public Matrix<double> Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var blocked = new bool[x.RowCount, x.ColumnCount];
        for (int i = 0; i < x.RowCount; i++)
        {
            for (int j = 0; j < x.ColumnCount; j++)
            {
                blocked[i, j] = x[i, j] <= 0;
            }
        }

        mask = blocked;
        return x.MapIndexed((i, j, v) => blocked[i, j] ? 0.0 : v, Zeros.Include);
    }

    /// <summary>
    /// dx = dout where x &gt; 0, else 0. The book writes <c>dout[self.mask] = 0</c>, which zeroes the
    /// caller's array; here dx is a new matrix and <paramref name="dout"/> is left as it was.
    /// </summary>
    public Matrix<double> Backward(Matrix<double> dout)
    {
        var blocked = Ensure.Forwarded(mask, nameof(Relu));
        Ensure.SameShape(dout, blocked.GetLength(0), blocked.GetLength(1), nameof(Relu));
        return dout.MapIndexed((i, j, d) => blocked[i, j] ? 0.0 : d, Zeros.Include);
    }
}
