// Exercise 2: a tanh layer
class MyTanh : ILayer
{
    private Matrix<double> output = Matrix<double>.Build.Dense(1, 1);

    public Matrix<double> Forward(Matrix<double> x)
    {
        output = x.Map(Math.Tanh);
        return output;
    }

    public Matrix<double> Backward(Matrix<double> dout) =>
        dout.PointwiseMultiply(output.Map(y => 1 - y * y));
}
