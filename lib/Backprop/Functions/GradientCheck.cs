namespace Backprop;

/// <summary>Compares a backprop gradient with a numerical one, entry by entry.</summary>
public static class GradientCheck
{
    /// <summary>
    /// The denominator's floor: where both gradients are (almost) exactly zero, |a − b| / (|a| + |b|)
    /// would be 0/0, so tiny differences are measured against 1e-8 instead.
    /// </summary>
    public const double Floor = 1e-8;

    /// <summary>Max absolute and max relative error between two gradients of the same shape.</summary>
    public static GradientCheckResult Compare(string parameter, Matrix<double> backprop, Matrix<double> numerical)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(backprop);
        ArgumentNullException.ThrowIfNull(numerical);
        if (backprop.RowCount != numerical.RowCount || backprop.ColumnCount != numerical.ColumnCount)
        {
            throw new ArgumentException(
                Messages.Format(Errors.GradientCheckShapes, parameter, Shapes.Of(backprop), Shapes.Of(numerical)));
        }

        return Compare(parameter, backprop.Enumerate(), numerical.Enumerate());
    }

    /// <summary>Max absolute and max relative error between two gradient vectors of the same length.</summary>
    public static GradientCheckResult Compare(string parameter, Vector<double> backprop, Vector<double> numerical)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(backprop);
        ArgumentNullException.ThrowIfNull(numerical);
        if (backprop.Count != numerical.Count)
        {
            throw new ArgumentException(
                Messages.Format(Errors.GradientCheckShapes, parameter, Shapes.Of(backprop), Shapes.Of(numerical)));
        }

        return Compare(parameter, backprop.Enumerate(), numerical.Enumerate());
    }

    private static GradientCheckResult Compare(string parameter, IEnumerable<double> backprop, IEnumerable<double> numerical)
    {
        double maxAbs = 0;
        double maxRelative = 0;
        foreach (var (a, b) in backprop.Zip(numerical))
        {
            double abs = Math.Abs(a - b);
            maxAbs = Math.Max(maxAbs, abs);
            maxRelative = Math.Max(maxRelative, abs / Math.Max(Floor, Math.Abs(a) + Math.Abs(b)));
        }

        return new GradientCheckResult(parameter, maxAbs, maxRelative);
    }
}
