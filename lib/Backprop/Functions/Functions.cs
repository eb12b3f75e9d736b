namespace Backprop;

/// <summary>The book's <c>softmax</c> and <c>cross_entropy_error</c> (common/functions.py).</summary>
public static class Functions
{
    /// <summary>
    /// The book's 1e-7 inside the logarithm: it keeps log(0) = −∞ out of the loss when a probability
    /// underflows to 0. Part of the formula, so losses agree with the book's to the last digits.
    /// </summary>
    public const double Delta = 1e-7;

    /// <summary>
    /// softmax(a)ₖ = exp(aₖ − c) / Σᵢ exp(aᵢ − c) with c = max(a). Subtracting c changes nothing
    /// mathematically (it cancels between numerator and denominator) but keeps exp from overflowing:
    /// logits 1000, 1001, 1002 give finite probabilities instead of ∞/∞ = NaN.
    /// </summary>
    public static Vector<double> Softmax(Vector<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        double c = a.Maximum();
        Vector<double> exp = a.Map(v => Math.Exp(v - c));
        double sum = exp.Sum();
        return exp.Map(e => e / sum);
    }

    /// <summary>Softmax of each row of <paramref name="a"/> (one row per sample), each with its own max subtracted.</summary>
    public static Matrix<double> Softmax(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return RowWise.Softmax(a);
    }

    /// <summary>
    /// Mean cross-entropy of a batch: E = −(1/N) Σₙ Σₖ tₙₖ log(yₙₖ + 1e-7), with one row per sample
    /// and one-hot (or any probability) targets <paramref name="t"/>.
    /// </summary>
    public static double CrossEntropyError(Matrix<double> y, Matrix<double> t)
    {
        Ensure.SameShape(y, t, nameof(y), nameof(t));
        return RowWise.NegativeLogSum(y, t, Delta) / y.RowCount;
    }

    /// <summary>
    /// Mean cross-entropy with label targets: E = −(1/N) Σₙ log(yₙ,labelₙ + 1e-7). Only the probability
    /// of the right class counts, which is what a one-hot t picks out.
    /// </summary>
    public static double CrossEntropyError(Matrix<double> y, int[] labels)
    {
        CheckLabels(labels, y);
        double sum = 0;
        for (int n = 0; n < y.RowCount; n++)
        {
            sum += Math.Log(y[n, labels[n]] + Delta);
        }

        return -sum / y.RowCount;
    }

    /// <summary>Cross-entropy of one sample: −Σₖ tₖ log(yₖ + 1e-7) (a batch of one).</summary>
    public static double CrossEntropyError(Vector<double> y, Vector<double> t)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(t);
        return CrossEntropyError(y.ToRowMatrix(), t.ToRowMatrix());
    }

    /// <summary>Cross-entropy of one sample with its label: −log(y_label + 1e-7).</summary>
    public static double CrossEntropyError(Vector<double> y, int label)
    {
        ArgumentNullException.ThrowIfNull(y);
        return CrossEntropyError(y.ToRowMatrix(), [label]);
    }

    /// <summary>One label per row of <paramref name="y"/>, each a class index in [0, columns).</summary>
    internal static void CheckLabels(int[] labels, Matrix<double> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        CheckLabels(labels, y.RowCount, y.ColumnCount);
    }

    /// <summary>One label per row of scores of shape (<paramref name="rows"/>, <paramref name="classes"/>), each in [0, classes).</summary>
    internal static void CheckLabels(int[] labels, int rows, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != rows)
        {
            throw new ArgumentException(
                Messages.Format(Errors.LabelsPerScoreRow, labels.Length, rows, classes));
        }

        for (int n = 0; n < labels.Length; n++)
        {
            if (labels[n] < 0 || labels[n] >= classes)
            {
                throw new ArgumentOutOfRangeException(Messages.Format(Errors.LabelOutOfRange, labels[n], n, classes), innerException: null);
            }
        }
    }
}
