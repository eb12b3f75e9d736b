using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// The fully connected layer Y = X·W + b for a batch X of N rows. From the chain rule on a matrix product,
/// ∂L/∂X = ∂L/∂Y · Wᵀ and ∂L/∂W = Xᵀ · ∂L/∂Y; the bias was added to every row (broadcast over the batch),
/// so its gradient collects all rows: ∂L/∂b = Σ over rows of ∂L/∂Y.
/// </summary>
/// <remarks>
/// The layer keeps the very <see cref="W"/> and <see cref="b"/> instances it was given, as the book does:
/// an optimiser or a numerical gradient that changes them in place is seen by the next <see cref="Forward"/>.
/// </remarks>
public sealed class Affine : ILayer
{
    private Matrix<double>? x;
    private Matrix<double>? dw;
    private Vector<double>? dbias;

    /// <summary>Wraps weights <paramref name="W"/> (inputs × outputs) and bias <paramref name="b"/> (one per output).</summary>
    public Affine(Matrix<double> W, Vector<double> b)
    {
        ArgumentNullException.ThrowIfNull(W);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Count != W.ColumnCount)
        {
            throw new ArgumentException(
                $"b has shape {Shapes.Of(b)} but W has shape {Shapes.Of(W)}: one bias per column of W.", nameof(b));
        }

        this.W = W;
        this.b = b;
    }

    /// <summary>The weights, shared with the caller (not a copy).</summary>
    public Matrix<double> W { get; }

    /// <summary>The bias, shared with the caller (not a copy).</summary>
    public Vector<double> b { get; }

    /// <summary>∂L/∂W from the last <see cref="Backward"/>, same shape as <see cref="W"/>.</summary>
    public Matrix<double> dW => dw ?? throw new InvalidOperationException("dW is set by Backward; call Forward and Backward first.");

    /// <summary>∂L/∂b from the last <see cref="Backward"/>, same shape as <see cref="b"/>.</summary>
    public Vector<double> db => dbias ?? throw new InvalidOperationException("db is set by Backward; call Forward and Backward first.");

    /// <summary>Returns X·W + b (b added to each row) and keeps X for <see cref="Backward"/>.</summary>
    public Matrix<double> Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != W.RowCount)
        {
            throw new ArgumentException(
                $"shapes {Shapes.Of(x)} and {Shapes.Of(W)} not aligned: {x.ColumnCount} (dim 1) != {W.RowCount} (dim 0)",
                nameof(x));
        }

        this.x = x;
        Matrix<double> y = MatrixProduct.Multiply(x, W); // x·W, a new matrix of our own
        // + b on every row, in place on that new matrix: no second N×outputs matrix, no closure per entry.
        if (y.AsColumnMajorArray() is { } values && b.AsArray() is { } bias)
        {
            int rows = y.RowCount;
            for (int j = 0; j < bias.Length; j++)
            {
                Span<double> column = values.AsSpan(j * rows, rows);
                double bj = bias[j];
                for (int i = 0; i < column.Length; i++)
                {
                    column[i] += bj;
                }
            }

            return y;
        }

        return y.MapIndexed((i, j, v) => v + b[j], Zeros.Include);
    }

    /// <summary>Returns dx = dout·Wᵀ and sets <see cref="dW"/> = Xᵀ·dout and <see cref="db"/> = column sums of dout.</summary>
    public Matrix<double> Backward(Matrix<double> dout)
    {
        var input = Ensure.Forwarded(x, nameof(Affine));
        Ensure.SameShape(dout, input.RowCount, W.ColumnCount, nameof(Affine));

        Matrix<double> dx = MatrixProduct.TransposeAndMultiply(dout, W); // dout·Wᵀ
        SetParameterGradients(input, dout);
        return dx;
    }

    /// <summary>
    /// Sets <see cref="dW"/> and <see cref="db"/> as <see cref="Backward"/> does, without computing dx: for the
    /// first layer of a network, whose dx (the gradient with respect to the data) nothing uses.
    /// </summary>
    internal void BackwardParameters(Matrix<double> dout)
    {
        var input = Ensure.Forwarded(x, nameof(Affine));
        Ensure.SameShape(dout, input.RowCount, W.ColumnCount, nameof(Affine));
        SetParameterGradients(input, dout);
    }

    private void SetParameterGradients(Matrix<double> input, Matrix<double> dout)
    {
        dw = MatrixProduct.TransposeThisAndMultiply(input, dout); // xᵀ·dout
        dbias = dout.ColumnSums();
    }
}
