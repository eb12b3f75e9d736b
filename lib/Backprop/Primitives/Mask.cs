namespace Backprop;

/// <summary>
/// A boolean array of one matrix's shape, NumPy's <c>mask = (x &lt;= 0)</c>, and <c>np.where(mask, 0, m)</c> with it:
/// one loop over MathNet's column-major array each, not a MathNet map (a closure per entry, maybe on other threads).
/// </summary>
internal sealed class Mask
{
    private readonly bool[] set; // entry (i, j) at i + j·Rows, as MathNet stores a dense matrix

    private Mask(bool[] set, int rows, int columns) => (this.set, Rows, Columns) = (set, rows, columns);

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Where x ≤ 0, the zeros a sparse matrix does not store included.</summary>
    public static Mask AtMostZero(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double[] values = x.AsColumnMajorArray() ?? x.ToColumnMajorArray();
        var set = new bool[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            set[k] = values[k] <= 0;
        }

        return new Mask(set, x.RowCount, x.ColumnCount);
    }

    /// <summary>A new matrix: <paramref name="m"/> with 0 wherever the mask is set (m itself is left alone).</summary>
    public Matrix<double> Zero(Matrix<double> m)
    {
        double[] values = m.AsColumnMajorArray() ?? m.ToColumnMajorArray();
        var result = new double[values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            result[k] = set[k] ? 0.0 : values[k];
        }

        return Matrix<double>.Build.Dense(Rows, Columns, result);
    }
}
