namespace Backprop;

/// <summary>
/// A network's first Affine as its backward loop meets it: dW and db only. Its dx would be ∂L/∂(data), which no
/// parameter needs, and skipping it saves a third of the step's multiply-adds and its largest array (N × inputs).
/// The layer itself, called directly, still returns dx.
/// </summary>
internal sealed class WithoutDx(Affine layer) : ILayer
{
    public Matrix<double> Forward(Matrix<double> x) => layer.Forward(x);

    /// <summary>Sets the layer's dW and db, and returns null for the dx nobody reads: the loop's last step.</summary>
    public Matrix<double> Backward(Matrix<double> dout)
    {
        layer.BackwardParameters(dout);
        return null!;
    }
}
