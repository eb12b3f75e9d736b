namespace Backprop.Notebooks.Display;

/// <summary>
/// Where an edge is drawn: from the outline of its source to the tip of its arrowhead on the outline
/// of its target, and the unit normal on its upper side (the left side, for a vertical edge).
/// </summary>
internal sealed class EdgePath
{
    public const double ArrowLength = 9;
    public const double ArrowHalfWidth = 4.5;

    public EdgePath(GraphEdge edge, NodeShape from, NodeShape to)
    {
        Edge = edge;
        Point d = to.Center - from.Center;
        Point u = d.Length == 0 ? new Point(1, 0) : d / d.Length;
        Start = from.Center + u * from.Reach(u);
        Tip = to.Center - u * to.Reach(u);
        ArrowBase = Tip - u * ArrowLength;
        Point n = new(u.Y, -u.X);
        Normal = n.Y > 1e-9 || (Math.Abs(n.Y) <= 1e-9 && n.X > 0) ? -n : n;
    }

    public GraphEdge Edge { get; }

    public Point Start { get; }

    public Point Tip { get; }

    public Point ArrowBase { get; }

    public Point Normal { get; }

    /// <summary>The point a fraction <paramref name="t"/> of the way along the shaft (before the arrowhead).</summary>
    public Point At(double t) => Start + (ArrowBase - Start) * t;

    /// <summary>The distance from <paramref name="p"/> to the nearest point of the edge, arrowhead included.</summary>
    public double DistanceTo(Point p)
    {
        Point d = Tip - Start;
        double squared = d.X * d.X + d.Y * d.Y;
        double t = squared == 0 ? 0 : Math.Clamp(((p.X - Start.X) * d.X + (p.Y - Start.Y) * d.Y) / squared, 0, 1);
        return (p - (Start + d * t)).Length;
    }

    /// <summary>The filled arrowhead triangle.</summary>
    public Point[] Arrowhead => [Tip, ArrowBase + Normal * ArrowHalfWidth, ArrowBase - Normal * ArrowHalfWidth];
}
