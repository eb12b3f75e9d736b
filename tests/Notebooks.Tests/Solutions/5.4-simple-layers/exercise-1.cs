// Exercise 1: a division layer
class DivLayer
{
    private double x, y;

    public double Forward(double x, double y)
    {
        this.x = x;
        this.y = y;
        return x / y;
    }

    public (double dx, double dy) Backward(double dout)
    {
        double dx = dout / y;
        double dy = -dout * x / (y * y);
        return (dx, dy);
    }
}
