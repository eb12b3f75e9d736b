namespace Backprop.Notebooks.Display;

/// <summary>A 2-D point or vector in SVG user units (y grows downwards).</summary>
internal readonly record struct Point(double X, double Y)
{
    public double Length => Math.Sqrt(X * X + Y * Y);

    public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y);

    public static Point operator -(Point a, Point b) => new(a.X - b.X, a.Y - b.Y);

    public static Point operator -(Point a) => new(-a.X, -a.Y);

    public static Point operator *(Point a, double k) => new(a.X * k, a.Y * k);

    public static Point operator /(Point a, double k) => new(a.X / k, a.Y / k);
}
