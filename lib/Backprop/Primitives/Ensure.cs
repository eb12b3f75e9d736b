namespace Backprop;

/// <summary>The checks the layers share, one call per rule, so each failure explains itself the same way.</summary>
internal static class Ensure
{
    /// <summary>
    /// Backward reuses what Forward saved (inputs, mask, output); without it there is nothing to
    /// differentiate, so say so instead of failing on a null.
    /// </summary>
    public static T Forwarded<T>(T? saved, string layer) where T : class =>
        saved ?? throw new InvalidOperationException(
            Messages.Format(Errors.NotForwarded, layer));

    /// <summary>As <see cref="Forwarded{T}(T, string)"/>, for a layer that saves numbers rather than objects.</summary>
    public static void Forwarded(bool forwarded, string layer)
    {
        if (!forwarded)
        {
            throw new InvalidOperationException(
                Messages.Format(Errors.NotForwarded, layer));
        }
    }

    /// <summary>
    /// For a layer that saves nothing (AddLayer: ∂z/∂x = ∂z/∂y = 1 needs no input), Backward could run without Forward,
    /// but a node that never ran forward is a wiring mistake; the message claims no saved values.
    /// </summary>
    public static void Ran(bool forwarded, string layer)
    {
        if (!forwarded)
        {
            throw new InvalidOperationException(
                Messages.Format(Errors.NotForwardedNothingSaved, layer));
        }
    }

    /// <summary>An upstream gradient has exactly the shape of the output it is the gradient of.</summary>
    public static void SameShape(Matrix<double> dout, int rows, int columns, string layer)
    {
        ArgumentNullException.ThrowIfNull(dout);
        if (dout.RowCount != rows || dout.ColumnCount != columns)
        {
            throw new ArgumentException(
                Messages.Format(Errors.DoutShape, layer, Shapes.Of(dout), $"({rows},{columns})"));
        }
    }

    /// <summary>Two arguments of one shape, e.g. scores and one-hot targets; the message names both, as NumPy does.</summary>
    public static void SameShape(Matrix<double> a, Matrix<double> b, string aName, string bName)
    {
        ArgumentNullException.ThrowIfNull(a, aName);
        ArgumentNullException.ThrowIfNull(b, bName);
        if (a.RowCount != b.RowCount || a.ColumnCount != b.ColumnCount)
        {
            throw new ArgumentException(Messages.Format(Errors.ShapesDiffer, aName, Shapes.Of(a), bName, Shapes.Of(b)));
        }
    }

    /// <summary><paramref name="m"/> has the shape (rows, columns) of what it goes with, e.g. one-hot targets and the scores.</summary>
    public static void Shape(Matrix<double> m, int rows, int columns, string name, string other)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.RowCount != rows || m.ColumnCount != columns)
        {
            throw new ArgumentException(Messages.Format(Errors.ShapeOfOther, name, Shapes.Of(m), Other(other), $"({rows},{columns})"));
        }
    }

    /// <summary>x·W needs as many columns in x as rows in W; the message is NumPy's for <c>np.dot</c>.</summary>
    public static void Aligned(Matrix<double> x, Matrix<double> W)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != W.RowCount)
        {
            throw new ArgumentException(
                Messages.Format(Errors.NotAligned, Shapes.Of(x), Shapes.Of(W), x.ColumnCount, W.RowCount));
        }
    }

    /// <summary>One bias per column of W.</summary>
    public static void FitsColumns(Vector<double> b, Matrix<double> W)
    {
        ArgumentNullException.ThrowIfNull(W);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Count != W.ColumnCount)
        {
            throw new ArgumentException(
                Messages.Format(Errors.BiasPerColumn, Shapes.Of(b), Shapes.Of(W)));
        }
    }

    /// <summary>
    /// What <see cref="Shape"/>'s caller names in English ("the scores") in the student's language; a name it does
    /// not know is an identifier and stays as written.
    /// </summary>
    private static string Other(string other) => other == "the scores" ? Errors.TheScores : other;
}
