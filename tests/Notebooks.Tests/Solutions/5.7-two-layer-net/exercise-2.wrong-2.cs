// Exercise 2: a third layer
// Expected hint: every node of the network needs its own object
// One Relu object for both ReLU nodes: it remembers only the mask of its last Forward.
List<ILayer> ThreeLayers(Matrix<double> W1, Vector<double> b1, Matrix<double> W2, Vector<double> b2,
                         Matrix<double> W3, Vector<double> b3)
{
    var relu = new Relu();
    return new List<ILayer> { new Affine(W1, b1), relu, new Affine(W2, b2), relu, new Affine(W3, b3) };
}
