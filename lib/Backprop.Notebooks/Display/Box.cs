namespace Backprop.Notebooks.Display;

/// <summary>An axis-aligned rectangle: what a label or node occupies, for collision tests and bounds.</summary>
internal readonly record struct Box(double MinX, double MinY, double MaxX, double MaxY)
{
    public static Box Around(Point center, double halfWidth, double halfHeight) =>
        new(center.X - halfWidth, center.Y - halfHeight, center.X + halfWidth, center.Y + halfHeight);

    public bool Overlaps(Box other) =>
        MinX < other.MaxX && other.MinX < MaxX && MinY < other.MaxY && other.MinY < MaxY;

    /// <summary>Whether segment a–b passes through the box (Liang–Barsky clipping: some part survives).</summary>
    public bool Crosses(Point a, Point b)
    {
        double t0 = 0;
        double t1 = 1;
        Point d = b - a;
        return Clip(-d.X, a.X - MinX) && Clip(d.X, MaxX - a.X) && Clip(-d.Y, a.Y - MinY) && Clip(d.Y, MaxY - a.Y);

        bool Clip(double p, double q)
        {
            if (p == 0)
            {
                return q >= 0;
            }

            double r = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, r);
            }
            else
            {
                t1 = Math.Min(t1, r);
            }

            return t0 <= t1;
        }
    }

    public Box Inflate(double margin) => new(MinX - margin, MinY - margin, MaxX + margin, MaxY + margin);

    public Box Union(Box other) =>
        new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));
}
