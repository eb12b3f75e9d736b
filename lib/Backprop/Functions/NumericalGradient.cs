namespace Backprop;

/// <summary>
/// Gradients by central differences, the slow but independent truth backprop is checked against:
/// ∂f/∂x ≈ (f(x + h) − f(x − h)) / 2h, whose error shrinks like h² (a one-sided difference only like h).
/// </summary>
public static class NumericalGradient
{
    /// <summary>The book's step h = 1e-4: small enough for the h² error, large enough to keep rounding in f harmless.</summary>
    public const double H = 1e-4;

    /// <summary>df/dx at <paramref name="x"/>.</summary>
    public static double Of(Func<double, double> f, double x)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (f(x + H) - f(x - H)) / (2 * H);
    }

    /// <summary>
    /// ∂f/∂xᵢⱼ for every entry of <paramref name="x"/>, where <paramref name="f"/> reads x (for example a
    /// network's loss reading its own weights). Each entry is nudged in place, one at a time, and restored
    /// exactly, even if f throws.
    /// </summary>
    public static Matrix<double> Of(Func<double> f, Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        var grad = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int i = 0; i < x.RowCount; i++)
        {
            for (int j = 0; j < x.ColumnCount; j++)
            {
                double saved = x[i, j];
                try
                {
                    x[i, j] = saved + H;
                    double fPlus = f();
                    x[i, j] = saved - H;
                    double fMinus = f();
                    grad[i, j] = (fPlus - fMinus) / (2 * H);
                }
                finally
                {
                    x[i, j] = saved;
                }
            }
        }

        return grad;
    }

    /// <summary>∂f/∂xᵢ for every entry of <paramref name="x"/>, nudged in place and restored, as for a matrix.</summary>
    public static Vector<double> Of(Func<double> f, Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        var grad = Vector<double>.Build.Dense(x.Count);
        for (int i = 0; i < x.Count; i++)
        {
            double saved = x[i];
            try
            {
                x[i] = saved + H;
                double fPlus = f();
                x[i] = saved - H;
                double fMinus = f();
                grad[i] = (fPlus - fMinus) / (2 * H);
            }
            finally
            {
                x[i] = saved;
            }
        }

        return grad;
    }
}
