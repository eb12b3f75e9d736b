// Exercise 2: a third layer
// Expected hint: the layers are Affine Relu Affine Affine.
// The ReLU between the second and third Affine forgotten.
List<ILayer> ThreeLayers(Matrix<double> W1, Vector<double> b1, Matrix<double> W2, Vector<double> b2,
                         Matrix<double> W3, Vector<double> b3) =>
    new List<ILayer> { new Affine(W1, b1), new Relu(), new Affine(W2, b2), new Affine(W3, b3) };
