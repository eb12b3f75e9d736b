namespace Backprop;

/// <summary>
/// The book's ch05/train_neuralnet.py as a function: mini-batch stochastic gradient descent with
/// gradients by backprop. The chapter 5.7 notebook writes the same loop out in a cell; tests and benchmarks
/// call this one.
/// </summary>
public static class Training
{
    /// <summary>
    /// Trains <paramref name="net"/> for <paramref name="epochs"/> epochs of max(1, train.Count / batchSize)
    /// iterations. Each iteration draws <paramref name="batchSize"/> training images at random (with
    /// replacement, as <c>np.random.choice</c>), computes the gradient by backprop, steps every parameter by
    /// −<paramref name="learningRate"/> times its gradient, and records the mini-batch loss. After each epoch
    /// it records the accuracy on the whole training and test sets and calls <paramref name="epochEnded"/>
    /// with the epoch (from 1) and both accuracies. The same <paramref name="seed"/> draws the same batches.
    /// </summary>
    public static TrainingHistory Run(
        TwoLayerNet net, ImageSet train, ImageSet test, int epochs,
        int batchSize = 100, double learningRate = 0.1, int seed = 0, Action<int, double, double>? epochEnded = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);

        var optimizer = new Sgd(learningRate);
        var random = new Random(seed);
        int iterPerEpoch = Math.Max(train.Count / batchSize, 1);
        var losses = new List<double>();
        var trainAccuracies = new List<double>();
        var testAccuracies = new List<double>();
        var batchMask = new int[batchSize];
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            for (int i = 0; i < iterPerEpoch; i++)
            {
                for (int n = 0; n < batchSize; n++)
                {
                    batchMask[n] = random.Next(train.Count);
                }

                var batch = train.Rows(batchMask); // the book's x_train[batch_mask], t_train[batch_mask]
                optimizer.Update(net, net.Gradient(batch.X, batch.Labels));
                losses.Add(net.Loss(batch.X, batch.Labels));
            }

            trainAccuracies.Add(net.Accuracy(train.X, train.Labels));
            testAccuracies.Add(net.Accuracy(test.X, test.Labels));
            epochEnded?.Invoke(epoch, trainAccuracies[^1], testAccuracies[^1]);
        }

        return new TrainingHistory(losses, trainAccuracies, testAccuracies);
    }
}
