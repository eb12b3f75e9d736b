namespace Backprop;

/// <summary>
/// Writes shapes the way NumPy prints <c>x.shape</c>, so error messages read like the book's Python:
/// a matrix is <c>(rows,columns)</c> and a vector is the one-element tuple <c>(n,)</c>.
/// </summary>
public static class Shapes
{
    /// <summary>The shape of <paramref name="m"/>, e.g. <c>(2,3)</c>.</summary>
    public static string Of(Matrix<double> m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return $"({m.RowCount},{m.ColumnCount})";
    }

    /// <summary>The shape of <paramref name="v"/>, e.g. <c>(3,)</c>.</summary>
    public static string Of(Vector<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return $"({v.Count},)";
    }
}
