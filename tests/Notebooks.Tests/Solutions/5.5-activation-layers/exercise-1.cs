// Exercise 1: your own ReLU
class MyRelu : ILayer
{
    private bool[,] mask = new bool[0, 0];

    public Matrix<double> Forward(Matrix<double> x)
    {
        mask = new bool[x.RowCount, x.ColumnCount];
        return x.MapIndexed((i, j, v) =>
        {
            mask[i, j] = v <= 0;
            return mask[i, j] ? 0.0 : v;
        });
    }

    public Matrix<double> Backward(Matrix<double> dout) =>
        dout.MapIndexed((i, j, d) => mask[i, j] ? 0.0 : d);
}
