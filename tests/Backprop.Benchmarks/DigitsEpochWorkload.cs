using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The NumPy script's <c>digits_epoch</c> data (numpy/two_layer_net_bench.py), the same numbers on both
/// sides: the shipped digits, the first 1,347 as the training set and the other 450 as the test set; weights
/// 0.01·sin(phase + i·columns + j), zero biases; batch k, row n is training image (7919·(k·100 + n) + 13) mod 1347.
/// </summary>
public sealed class DigitsEpochWorkload
{
    public const int TrainSize = 1347, Batch = 100, Hidden = 50;
    public const double LearningRate = 0.1;

    public DigitsEpochWorkload()
    {
        var all = Digits.Load(Path.Combine(FindRoot(), "notebooks", "data", "digits.csv.gz"));
        Train = all.Rows(Enumerable.Range(0, TrainSize).ToArray());
        Test = all.Rows(Enumerable.Range(TrainSize, all.Count - TrainSize).ToArray());
        int iterPerEpoch = Math.Max(TrainSize / Batch, 1);
        Masks = Enumerable.Range(0, iterPerEpoch)
            .Select(k => Enumerable.Range(0, Batch).Select(n => (int)((7919L * (k * Batch + n) + 13) % TrainSize)).ToArray())
            .ToArray();
    }

    public ImageSet Train { get; }
    public ImageSet Test { get; }
    public int[][] Masks { get; }

    /// <summary>A fresh 64-50-10 net with the script's weights.</summary>
    public TwoLayerNet Net()
    {
        var net = new TwoLayerNet(Digits.Side * Digits.Side, Hidden, Digits.Classes, seed: 0);
        FixedWeights(net.W1.RowCount, net.W1.ColumnCount, 1.0).CopyTo(net.W1);
        FixedWeights(net.W2.RowCount, net.W2.ColumnCount, 2.0).CopyTo(net.W2);
        return net;
    }

    private static Matrix<double> FixedWeights(int rows, int columns, double phase) =>
        Matrix<double>.Build.Dense(rows, columns, (i, j) => 0.01 * Math.Sin(phase + i * columns + j));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Notebooks.sln above {AppContext.BaseDirectory}.");
    }
}
