namespace Backprop.Notebooks.Display;

/// <summary>A graph node with its drawn extent: a circle for operations, a text box for values.</summary>
internal sealed class NodeShape(GraphNode node, Point center)
{
    private const double SymbolSize = 20;
    private const double WordSize = 15;
    private const double ValueSize = 14;
    private const double MinRadius = 17;

    public GraphNode Node { get; } = node;

    public Point Center { get; } = center;

    /// <summary>A one-character operator (×, +, ÷) reads best large; "exp" or "×−1" smaller, to keep circles small.</summary>
    public double FontSize { get; } = !node.IsOperation ? ValueSize : node.Label.Length <= 1 ? SymbolSize : WordSize;

    public double HalfWidth => Node.IsOperation
        ? Math.Max(MinRadius, TextWidth.Of(Node.Label, FontSize) / 2 + 5)
        : TextWidth.Of(Node.Label, FontSize) / 2 + 4;

    public double HalfHeight => Node.IsOperation ? HalfWidth : FontSize * 0.6 + 2;

    public Box Box => Box.Around(Center, HalfWidth, HalfHeight);

    /// <summary>Distance from the centre to the outline along unit direction <paramref name="u"/>.</summary>
    public double Reach(Point u)
    {
        if (Node.IsOperation)
        {
            return HalfWidth;
        }

        double x = Math.Abs(u.X) < 1e-9 ? double.MaxValue : HalfWidth / Math.Abs(u.X);
        double y = Math.Abs(u.Y) < 1e-9 ? double.MaxValue : HalfHeight / Math.Abs(u.Y);
        return Math.Min(x, y);
    }
}
