namespace Backprop;

/// <summary>
/// ∂L/∂W1, ∂L/∂b1, ∂L/∂W2 and ∂L/∂b2 of a <see cref="TwoLayerNet"/>, each of the shape of its parameter:
/// the book's <c>grads</c> dictionary, with its keys as names.
/// </summary>
public sealed record TwoLayerNetGradients(Matrix<double> W1, Vector<double> b1, Matrix<double> W2, Vector<double> b2);
