namespace Backprop;

/// <summary>The sigmoid y = 1 / (1 + exp(−x)) elementwise: dy/dx = y(1 − y), so backward needs only the stored y.</summary>
public sealed class Sigmoid : ILayer
{
    private Matrix<double>? @out;

    /// <summary>Returns a new matrix 1 / (1 + exp(−x)) and keeps it.</summary>
    public Matrix<double> Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        @out = x.Map(v => 1.0 / (1.0 + Math.Exp(-v))); // exp(−x) = ∞ for very negative x gives 1/∞ = 0, no NaN
        return @out;
    }

    /// <summary>dx = dout · (1 − y) · y, elementwise.</summary>
    public Matrix<double> Backward(Matrix<double> dout)
    {
        var y = Ensure.Forwarded(@out, nameof(Sigmoid));
        Ensure.SameShape(dout, y.RowCount, y.ColumnCount, nameof(Sigmoid));
        return dout.PointwiseMultiply(1.0 - y).PointwiseMultiply(y); // dy/dx = y(1 − y)
    }
}
