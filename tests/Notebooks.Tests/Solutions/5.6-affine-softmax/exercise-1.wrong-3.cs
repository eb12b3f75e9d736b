// Exercise 1: the Affine backward
// Expected hint: the bias is added to every row
class MyAffine : ILayer
{
    public Matrix<double> W, dW;
    public Vector<double> b, db;
    private Matrix<double> x;

    public MyAffine(Matrix<double> W, Vector<double> b)
    {
        this.W = W;
        this.b = b;
        dW = Matrix<double>.Build.Dense(W.RowCount, W.ColumnCount);
        db = Vector<double>.Build.Dense(b.Count);
        x = Matrix<double>.Build.Dense(1, W.RowCount);
    }

    public Matrix<double> Forward(Matrix<double> x)
    {
        this.x = x;
        var xW = x * W;
        return xW.MapIndexed((i, j, v) => v + b[j]);
    }

    public Matrix<double> Backward(Matrix<double> dout)
    {
        var dx = dout * W.Transpose();
        dW = x.Transpose() * dout;
        db = dout.ColumnSums() / dout.RowCount;   // the mean over the batch, not the sum
        return dx;
    }
}
