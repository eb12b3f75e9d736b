namespace Backprop;

/// <summary>
/// The fully connected layer out = x·W + b for a batch x of N rows: ∂L/∂x = dout·Wᵀ, ∂L/∂W = xᵀ·dout, and
/// ∂L/∂b = the column sums of dout, because b was added to every row.
/// </summary>
/// <remarks>It keeps the very W and b it is given, as the book does: whatever changes them in place is seen by the next Forward.</remarks>
public sealed class Affine : ILayer
{
    private Matrix<double>? x;
    private Matrix<double>? dw;
    private Vector<double>? dbias;

    /// <summary>Wraps the weights <paramref name="W"/> (inputs × outputs) and the bias <paramref name="b"/> (one per output).</summary>
    public Affine(Matrix<double> W, Vector<double> b)
    {
        Ensure.FitsColumns(b, W);
        this.W = W;
        this.b = b;
    }

    /// <summary>The weights, shared with the caller (not a copy).</summary>
    public Matrix<double> W { get; }

    /// <summary>The bias, shared with the caller (not a copy).</summary>
    public Vector<double> b { get; }

    /// <summary>∂L/∂W from the last <see cref="Backward"/>, of W's shape.</summary>
    public Matrix<double> dW => dw ?? throw new InvalidOperationException(Messages.Format(Errors.SetByBackward, nameof(dW)));

    /// <summary>∂L/∂b from the last <see cref="Backward"/>, of b's shape.</summary>
    public Vector<double> db => dbias ?? throw new InvalidOperationException(Messages.Format(Errors.SetByBackward, nameof(db)));

    /// <summary>Returns x·W + b (b added to each row) and keeps x for <see cref="Backward"/>.</summary>
    public Matrix<double> Forward(Matrix<double> x)
    {
        Ensure.Aligned(x, W);
        this.x = x;
        return RowWise.AddToEveryRow(MatrixProduct.Multiply(x, W), b); // out = np.dot(x, W) + b
    }

    /// <summary>Returns dx = dout·Wᵀ and sets <see cref="dW"/> = xᵀ·dout and <see cref="db"/> = Σ rows of dout.</summary>
    public Matrix<double> Backward(Matrix<double> dout)
    {
        var x = Ensure.Forwarded(this.x, nameof(Affine));
        Ensure.SameShape(dout, x.RowCount, W.ColumnCount, nameof(Affine));
        var dx = MatrixProduct.TimesTransposeOf(dout, W); // dx = dout · Wᵀ (np.dot(dout, self.W.T))
        dw = MatrixProduct.TransposeOfTimes(x, dout);     // dW = xᵀ · dout (np.dot(self.x.T, dout))
        dbias = dout.ColumnSums();                        // db = Σ rows of dout (np.sum(dout, axis=0))
        return dx;
    }
}
