// Exercise 1: your own ReLU
// Expected hint: the mask is x ≤ 0, not x < 0
class MyRelu : ILayer
{
    private bool[,] mask = new bool[0, 0];

    public Matrix<double> Forward(Matrix<double> x)
    {
        mask = new bool[x.RowCount, x.ColumnCount];
        return x.MapIndexed((i, j, v) =>
        {
            mask[i, j] = v < 0;   // x = 0 lets the gradient through
            return mask[i, j] ? 0.0 : v;
        });
    }

    public Matrix<double> Backward(Matrix<double> dout) =>
        dout.MapIndexed((i, j, d) => mask[i, j] ? 0.0 : d);
}
