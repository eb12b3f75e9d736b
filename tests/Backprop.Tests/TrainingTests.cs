namespace Backprop.Tests;

public class TrainingTests
{
    private static readonly (ImageSet Train, ImageSet Test) Split =
        Digits.Load(RepositoryFiles.DigitsCsv).StratifiedSplit(0.25, seed: 0);

    [Fact]
    public void Mini_batch_SGD_learns_the_digits_to_at_least_95_percent_on_the_test_set()
    {
        // The 5.7 notebook's settings: 64-50-10, batch 100, learning rate 0.5, seeds 0.
        var net = new TwoLayerNet(64, 50, 10, seed: 0);
        double before = net.Accuracy(Split.Test.X, Split.Test.Labels);

        var history = Training.Run(net, Split.Train, Split.Test, epochs: 60, batchSize: 100, learningRate: 0.5, seed: 0);

        Assert.InRange(before, 0, 0.3);   // untrained: about chance (0.1)
        Assert.True(history.TestAccuracies[^1] >= 0.95, $"test accuracy {history.TestAccuracies[^1]}");
        Assert.Equal(history.TestAccuracies[^1], net.Accuracy(Split.Test.X, Split.Test.Labels));
        Assert.Equal(60 * (Split.Train.Count / 100), history.Losses.Count);
        Assert.True(history.Losses.TakeLast(13).Average() < history.Losses.Take(13).Average() / 5);
    }

    [Fact]
    public void The_same_seeds_train_the_same_net()
    {
        var a = new TwoLayerNet(64, 20, 10, seed: 1);
        var b = new TwoLayerNet(64, 20, 10, seed: 1);
        var c = new TwoLayerNet(64, 20, 10, seed: 1);

        var ha = Training.Run(a, Split.Train, Split.Test, epochs: 2, seed: 3);
        var hb = Training.Run(b, Split.Train, Split.Test, epochs: 2, seed: 3);
        var hc = Training.Run(c, Split.Train, Split.Test, epochs: 2, seed: 4);

        Assert.Equal(ha.Losses, hb.Losses);
        Assert.Equal(a.W1, b.W1);
        Assert.NotEqual(ha.Losses, hc.Losses);
    }

    [Fact]
    public void Reports_each_epoch_as_train_neuralnet_prints_it()
    {
        var net = new TwoLayerNet(64, 20, 10, seed: 1);
        var seen = new List<(int, double, double)>();

        var history = Training.Run(net, Split.Train, Split.Test, epochs: 3, epochEnded: (e, train, test) => seen.Add((e, train, test)));

        Assert.Equal([1, 2, 3], seen.Select(s => s.Item1));
        Assert.Equal(history.TrainAccuracies, seen.Select(s => s.Item2));
        Assert.Equal(history.TestAccuracies, seen.Select(s => s.Item3));
    }
}
