namespace Backprop;

/// <summary>
/// A layer between input and loss: matrix in, matrix out, forward and backward. It is what lets a network
/// keep its layers in one ordered list, as the book's <c>OrderedDict</c>, and walk them in a loop:
/// forward in order, backward in reverse.
/// </summary>
public interface ILayer
{
    /// <summary>The layer's output for a batch <paramref name="x"/> (one row per sample).</summary>
    Matrix<double> Forward(Matrix<double> x);

    /// <summary>∂L/∂x from the upstream gradient <paramref name="dout"/> = ∂L/∂(output of the last Forward).</summary>
    Matrix<double> Backward(Matrix<double> dout);
}
