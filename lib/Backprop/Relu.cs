using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// ReLU, y = max(0, x) elementwise. Its derivative is 1 where x &gt; 0 and 0 where x ≤ 0, so backward
/// lets the upstream gradient through where the input was positive and blocks it elsewhere.
/// The mask is <c>x &lt;= 0</c>, as in the book: at the kink x = 0 the gradient is taken to be 0.
/// </summary>
/// <remarks>
/// Both passes are one loop over the numbers (column-major, MathNet's storage order), not a MathNet map:
/// a map calls a closure per entry and may hand a 100×50 matrix to other threads, which costs more than the
/// comparisons themselves.
/// </remarks>
public sealed class Relu : ILayer
{
    // Where x ≤ 0, entry (i, j) at i + j·rows as in MathNet's column-major storage.
    private bool[]? mask;
    private int rows;
    private int columns;

    /// <summary>Returns a new matrix max(0, x); remembers where x ≤ 0.</summary>
    public Matrix<double> Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        (rows, columns) = (x.RowCount, x.ColumnCount);
        var blocked = new bool[rows * columns];
        var y = Matrix<double>.Build.Dense(rows, columns);
        double[] output = y.AsColumnMajorArray();
        if (x.AsColumnMajorArray() is { } input)
        {
            for (int k = 0; k < input.Length; k++)
            {
                blocked[k] = input[k] <= 0;
                output[k] = blocked[k] ? 0.0 : input[k];
            }
        }
        else
        {
            // Not dense (e.g. sparse): every entry read, the zeros a sparse matrix does not store included.
            for (int j = 0; j < columns; j++)
            {
                for (int i = 0; i < rows; i++)
                {
                    double v = x[i, j];
                    blocked[i + j * rows] = v <= 0;
                    output[i + j * rows] = v <= 0 ? 0.0 : v;
                }
            }
        }

        mask = blocked;
        return y;
    }

    /// <summary>
    /// dx = dout where x &gt; 0, else 0. The book writes <c>dout[self.mask] = 0</c>, which zeroes the
    /// caller's array; here dx is a new matrix and <paramref name="dout"/> is left as it was.
    /// </summary>
    public Matrix<double> Backward(Matrix<double> dout)
    {
        var blocked = Ensure.Forwarded(mask, nameof(Relu));
        Ensure.SameShape(dout, rows, columns, nameof(Relu));
        var dx = Matrix<double>.Build.Dense(rows, columns);
        double[] result = dx.AsColumnMajorArray();
        if (dout.AsColumnMajorArray() is { } upstream)
        {
            for (int k = 0; k < upstream.Length; k++)
            {
                result[k] = blocked[k] ? 0.0 : upstream[k];
            }
        }
        else
        {
            for (int j = 0; j < columns; j++)
            {
                for (int i = 0; i < rows; i++)
                {
                    result[i + j * rows] = blocked[i + j * rows] ? 0.0 : dout[i, j];
                }
            }
        }

        return dx;
    }
}
