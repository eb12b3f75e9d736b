using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// Row-wise work on a batch (one row per sample) straight on MathNet's column-major arrays, where row i,
/// column k is at i + k·rows: no vector per row, no closure per entry.
/// </summary>
internal static class RowWise
{
    /// <summary>m + b on every row (b broadcast over the batch), in place on <paramref name="m"/>, a fresh matrix the caller owns.</summary>
    public static Matrix<double> AddToEveryRow(Matrix<double> m, Vector<double> b)
    {
        if (m.AsColumnMajorArray() is not { } values)
        {
            return m.MapIndexed((i, j, v) => v + b[j], Zeros.Include);
        }

        int rows = m.RowCount;
        for (int j = 0; j < m.ColumnCount; j++)
        {
            Span<double> column = values.AsSpan(j * rows, rows);
            double bj = b[j];
            for (int i = 0; i < column.Length; i++)
            {
                column[i] += bj;
            }
        }

        return m;
    }

    /// <summary>
    /// softmax(a) of each row: exp(aₖ − c) / Σᵢ exp(aᵢ − c) with c the row's max, which cancels but keeps exp
    /// from overflowing. The same max, exp, sum (left to right) and division as the vector form.
    /// </summary>
    public static Matrix<double> Softmax(Matrix<double> a)
    {
        int rows = a.RowCount, columns = a.ColumnCount;
        double[] values = a.AsColumnMajorArray() ?? a.ToColumnMajorArray();
        var result = new double[values.Length];
        for (int i = 0; i < rows; i++)
        {
            double c = double.NegativeInfinity;
            for (int k = 0; k < columns; k++)
            {
                c = Math.Max(c, values[i + k * rows]);
            }

            double sum = 0;
            for (int k = 0; k < columns; k++)
            {
                double e = Math.Exp(values[i + k * rows] - c);
                result[i + k * rows] = e;
                sum += e;
            }

            for (int k = 0; k < columns; k++)
            {
                result[i + k * rows] /= sum;
            }
        }

        return Matrix<double>.Build.Dense(rows, columns, result);
    }

    /// <summary>
    /// −Σₙ Σₖ tₙₖ log(yₙₖ + δ), row by row, left to right. A zero target with a finite y adds exactly nothing, so
    /// it is skipped (one logarithm per row for one-hot t, and the same bits as the label form); a NaN still spoils the sum.
    /// </summary>
    public static double NegativeLogSum(Matrix<double> y, Matrix<double> t, double delta)
    {
        double[] yv = y.AsColumnMajorArray() ?? y.ToColumnMajorArray();
        double[] tv = t.AsColumnMajorArray() ?? t.ToColumnMajorArray();
        int rows = y.RowCount;
        double sum = 0;
        for (int n = 0; n < rows; n++)
        {
            for (int k = 0; k < y.ColumnCount; k++)
            {
                double tk = tv[n + k * rows], yk = yv[n + k * rows];
                if (tk != 0 || !double.IsFinite(yk))
                {
                    sum += tk * Math.Log(yk + delta);
                }
            }
        }

        return -sum;
    }

    /// <summary><c>m[indices]</c>: the rows at <paramref name="indices"/>, in that order, gathered column by column.</summary>
    public static Matrix<double> Gather(Matrix<double> m, IReadOnlyList<int> indices)
    {
        if (m.AsColumnMajorArray() is not { } source)
        {
            return Matrix<double>.Build.Dense(indices.Count, m.ColumnCount, (n, p) => m[indices[n], p]);
        }

        var result = new double[indices.Count * m.ColumnCount];
        for (int p = 0; p < m.ColumnCount; p++)
        {
            for (int n = 0; n < indices.Count; n++)
            {
                result[n + p * indices.Count] = source[indices[n] + p * m.RowCount];
            }
        }

        return Matrix<double>.Build.Dense(indices.Count, m.ColumnCount, result);
    }

    /// <summary><c>np.argmax(m, axis=1)</c>: the column of each row's largest entry, the first one on a tie.</summary>
    public static int[] ArgMax(Matrix<double> m)
    {
        double[] values = m.AsColumnMajorArray() ?? m.ToColumnMajorArray();
        int rows = m.RowCount;
        var best = new int[rows];
        for (int k = 1; k < m.ColumnCount; k++)
        {
            for (int n = 0; n < rows; n++)
            {
                if (values[n + k * rows] > values[n + best[n] * rows])
                {
                    best[n] = k;
                }
            }
        }

        return best;
    }
}
