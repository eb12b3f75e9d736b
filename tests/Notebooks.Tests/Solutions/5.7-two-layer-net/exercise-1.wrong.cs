// Exercise 1: backward through any list of layers
// Expected hint: in which order must they run?
// The layers walked in forward order: Affine1 gets a dout of Affine2's output shape.
Matrix<double> BackwardThrough(IReadOnlyList<ILayer> layers, SoftmaxWithLoss last)
{
    var dout = last.Backward();
    foreach (var layer in layers) dout = layer.Backward(dout);
    return dout;
}
