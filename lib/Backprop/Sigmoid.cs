using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// The sigmoid y = 1 / (1 + exp(−x)) elementwise. Its derivative simplifies to
/// dy/dx = exp(−x) / (1 + exp(−x))² = y(1 − y), so backward needs only the stored output y.
/// </summary>
public sealed class Sigmoid : ILayer
{
    private Matrix<double>? output;

    /// <summary>Returns a new matrix 1 / (1 + exp(−x)) and keeps it for <see cref="Backward"/>.</summary>
    public Matrix<double> Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        // For very negative x, exp(−x) overflows to +∞ and 1/∞ = 0: the right limit, no NaN.
        output = x.Map(v => 1.0 / (1.0 + Math.Exp(-v)));
        return output;
    }

    /// <summary>dx = dout · y · (1 − y), elementwise, from the output saved by <see cref="Forward"/>.</summary>
    public Matrix<double> Backward(Matrix<double> dout)
    {
        var y = Ensure.Forwarded(output, nameof(Sigmoid));
        Ensure.SameShape(dout, y.RowCount, y.ColumnCount, nameof(Sigmoid));
        return dout.MapIndexed((i, j, d) => d * y[i, j] * (1.0 - y[i, j]), Zeros.Include);
    }
}
