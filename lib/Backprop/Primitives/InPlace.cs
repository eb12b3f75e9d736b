namespace Backprop;

/// <summary>
/// p ← p − η·g in place, one pass over the numbers, without the temporary η·g that <c>W -= lr * grad</c> builds;
/// MathNet's own arithmetic, into p itself, where a matrix is not dense.
/// </summary>
internal static class InPlace
{
    public static void SubtractScaled(Matrix<double> p, double eta, Matrix<double> g)
    {
        if (p.AsColumnMajorArray() is { } pv && g.AsColumnMajorArray() is { } gv)
        {
            SubtractScaled(pv, eta, gv);
        }
        else
        {
            p.Subtract(g.Multiply(eta), p);
        }
    }

    public static void SubtractScaled(Vector<double> p, double eta, Vector<double> g)
    {
        if (p.AsArray() is { } pv && g.AsArray() is { } gv)
        {
            SubtractScaled(pv, eta, gv);
        }
        else
        {
            p.Subtract(g.Multiply(eta), p);
        }
    }

    private static void SubtractScaled(Span<double> p, double eta, ReadOnlySpan<double> g)
    {
        for (int i = 0; i < p.Length; i++)
        {
            p[i] -= eta * g[i];
        }
    }
}
