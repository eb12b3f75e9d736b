using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The checks every layer shares, so each failure explains itself the same way.</summary>
internal static class Ensure
{
    /// <summary>
    /// Backward reuses what Forward saved (inputs, mask, output); without it there is nothing to
    /// differentiate, so say so instead of failing on a null.
    /// </summary>
    public static T Forwarded<T>(T? saved, string layer) where T : class =>
        saved ?? throw new InvalidOperationException(
            $"{layer}.Backward was called before Forward: Backward needs the values Forward saves.");

    /// <summary>An upstream gradient has exactly the shape of the output it is the gradient of.</summary>
    public static void SameShape(Matrix<double> dout, int rows, int columns, string layer)
    {
        ArgumentNullException.ThrowIfNull(dout);
        if (dout.RowCount != rows || dout.ColumnCount != columns)
        {
            throw new ArgumentException(
                $"{layer}.Backward: dout has shape {Shapes.Of(dout)} but the forward output has shape ({rows},{columns}).",
                nameof(dout));
        }
    }
}
