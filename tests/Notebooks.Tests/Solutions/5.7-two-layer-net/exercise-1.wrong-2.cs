// Exercise 1: backward through any list of layers
// Expected hint: the gradient you return has shape (5,3), the network's input (5,6)
// The loop is right, but it returns the loss layer's gradient instead of the last dout.
Matrix<double> BackwardThrough(IReadOnlyList<ILayer> layers, SoftmaxWithLoss last)
{
    var dout = last.Backward();
    for (int i = layers.Count - 1; i >= 0; i--)
    {
        dout = layers[i].Backward(dout);
    }

    return last.Backward();
}
