// Exercise 1: backward through any list of layers
Matrix<double> BackwardThrough(IReadOnlyList<ILayer> layers, SoftmaxWithLoss last)
{
    // The loss layer first (dout = 1 is its default), then every layer from the last to the first:
    // each Backward needs the gradient of its own output, which only the layer after it can give.
    var dout = last.Backward();
    for (int i = layers.Count - 1; i >= 0; i--)
    {
        dout = layers[i].Backward(dout);
    }

    return dout;
}
