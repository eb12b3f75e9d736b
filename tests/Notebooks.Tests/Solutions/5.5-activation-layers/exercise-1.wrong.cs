// Exercise 1: your own ReLU
// Expected hint: Backward changed the dout it was given
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

    // The book's backward, dout[self.mask] = 0; dx = dout: right values, written into the caller's dout.
    public Matrix<double> Backward(Matrix<double> dout)
    {
        for (int i = 0; i < dout.RowCount; i++)
            for (int j = 0; j < dout.ColumnCount; j++)
                if (mask[i, j]) dout[i, j] = 0;
        return dout;
    }
}
