// Exercise 2: a third layer
List<ILayer> ThreeLayers(Matrix<double> W1, Vector<double> b1, Matrix<double> W2, Vector<double> b2,
                         Matrix<double> W3, Vector<double> b3)
{
    // A ReLU after each Affine but the last: the last layer's scores go to Softmax-with-Loss.
    return new List<ILayer> { new Affine(W1, b1), new Relu(), new Affine(W2, b2), new Relu(), new Affine(W3, b3) };
}
