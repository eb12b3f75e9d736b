// Exercise 1: your own ReLU
// Expected hint: Backward needs the mask Forward kept
class MyRelu : ILayer
{
    private bool[,] mask = new bool[0, 0];

    // The mask is never filled in: Backward reads an empty one.
    public Matrix<double> Forward(Matrix<double> x) => x.Map(v => Math.Max(0, v));

    public Matrix<double> Backward(Matrix<double> dout) =>
        dout.MapIndexed((i, j, d) => mask[i, j] ? 0.0 : d);
}
