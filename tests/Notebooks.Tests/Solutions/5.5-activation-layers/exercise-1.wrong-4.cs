// Exercise 1: your own ReLU
// Expected hint: Forward changed its input x
class MyRelu : ILayer
{
    private bool[,] mask = new bool[0, 0];

    public Matrix<double> Forward(Matrix<double> x)
    {
        mask = new bool[x.RowCount, x.ColumnCount];
        for (int i = 0; i < x.RowCount; i++)
            for (int j = 0; j < x.ColumnCount; j++)
                if (x[i, j] <= 0) { mask[i, j] = true; x[i, j] = 0; }   // the book's out = x.copy() left out
        return x;
    }

    public Matrix<double> Backward(Matrix<double> dout) =>
        dout.MapIndexed((i, j, d) => mask[i, j] ? 0.0 : d);
}
