// Exercise 1: a division layer
// Expected hint: Backward needs what Forward kept in fields
// z = x · (1/y) built on the library's MulLayer, but Backward makes a new one that never ran forward.
class DivLayer
{
    public double Forward(double x, double y) => new MulLayer().Forward(x, 1 / y);

    public (double dx, double dy) Backward(double dout)
    {
        var (dx, dReciprocal) = new MulLayer().Backward(dout);
        return (dx, dReciprocal);
    }
}
