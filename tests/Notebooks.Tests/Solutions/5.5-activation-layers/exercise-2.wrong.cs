// Exercise 2: a tanh layer
// Expected hint: compare your local derivative with 1 − y² above
class MyTanh : ILayer
{
    private Matrix<double> output = Matrix<double>.Build.Dense(1, 1);

    public Matrix<double> Forward(Matrix<double> x)
    {
        output = x.Map(Math.Tanh);
        return output;
    }

    // Sigmoid's derivative, y(1 − y), where tanh's is 1 − y².
    public Matrix<double> Backward(Matrix<double> dout) =>
        dout.PointwiseMultiply(output.Map(y => y * (1 - y)));
}
