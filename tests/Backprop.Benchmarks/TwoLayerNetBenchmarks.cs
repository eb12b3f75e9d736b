using System.Runtime;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The work of numpy/two_layer_net_bench.py with the library's <see cref="TwoLayerNet"/>: its gradient step
/// (784-50-10, batch 100: forward to the loss, backward to every parameter) and one epoch of the book's
/// train_neuralnet.py loop on the digits. Run the script in the same sitting and compare ratios.
/// </summary>
/// <remarks>
/// The C# step, as the book's code, computes the first Affine's dx although nothing uses it. The script also
/// times a step without it (net_step_lean), the C# step's work before issue 21.
/// </remarks>
public class TwoLayerNetBenchmarks
{
    private readonly Workload step = new();
    private readonly DigitsEpochWorkload digits = new();
    private TwoLayerNet stepNet = null!;
    private Matrix<double> stepOneHot = null!;
    private Matrix<double> trainOneHot = null!, testOneHot = null!;
    private TwoLayerNet epochNet = null!;
    private Sgd optimizer = null!;

    /// <summary>
    /// Cores a large product may use. On a shared machine a second thread that gets descheduled holds the whole
    /// step up, so both are measured; compare 1 with NumPy under OPENBLAS_NUM_THREADS=1.
    /// </summary>
    [Params(1, 2)]
    public int Cores { get; set; }

    /// <summary>
    /// The GC's latency mode: the process default (Interactive: full collections in the background) or Batch
    /// (blocking full collections). Tried because the 784-wide step's dW1 (313 KB) lands on the large-object
    /// heap and triggers a full collection every 10-20 steps; Batch was not consistently faster, so the library
    /// leaves the mode alone.
    /// </summary>
    [Params(GCLatencyMode.Interactive, GCLatencyMode.Batch)]
    public GCLatencyMode GcMode { get; set; }

    private GCLatencyMode defaultMode;

    [GlobalSetup]
    public void Setup()
    {
        defaultMode = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GcMode;
        MatrixProduct.MaxParallelism = Cores;
        Control.UseManaged();
        Control.UseMultiThreading();
        stepNet = new TwoLayerNet(Workload.Inputs, Workload.Hidden, Workload.Classes, seed: 0);
        step.W1.CopyTo(stepNet.W1);
        step.W2.CopyTo(stepNet.W2);
        stepOneHot = Matrix<double>.Build.Dense(Workload.Batch, Workload.Classes, (n, k) => k == step.Labels[n] ? 1.0 : 0.0);
        trainOneHot = digits.Train.OneHotLabels();
        testOneHot = digits.Test.OneHotLabels();
        // One net trained on from call to call, as the script's: the same weights at the start of the run.
        epochNet = digits.Net();
        optimizer = new Sgd(DigitsEpochWorkload.LearningRate);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        MatrixProduct.MaxParallelism = Environment.ProcessorCount;
        GCSettings.LatencyMode = defaultMode;
    }

    [Benchmark(Description = "784-50-10 TwoLayerNet.Gradient, batch 100, labels")]
    public TwoLayerNetGradients StepLabels() => stepNet.Gradient(step.X, step.Labels);

    [Benchmark(Description = "784-50-10 TwoLayerNet.Gradient, batch 100, one-hot")]
    public TwoLayerNetGradients StepOneHot() => stepNet.Gradient(step.X, stepOneHot);

    /// <summary>train_neuralnet.py's loop for one epoch, one-hot targets as the book (and the script).</summary>
    [Benchmark(Description = "digits epoch (13 steps + accuracies), one-hot")]
    public (double, double) EpochOneHot()
    {
        var net = epochNet;
        foreach (int[] mask in digits.Masks)
        {
            var batch = digits.Train.Rows(mask);
            var (xBatch, tBatch) = (batch.X, batch.OneHotLabels());
            optimizer.Update(net, net.Gradient(xBatch, tBatch));
            net.Loss(xBatch, tBatch);
        }

        return (net.Accuracy(digits.Train.X, trainOneHot), net.Accuracy(digits.Test.X, testOneHot));
    }

    /// <summary>The same epoch with label targets, as the 5.7 notebook trains.</summary>
    [Benchmark(Description = "digits epoch (13 steps + accuracies), labels")]
    public (double, double) EpochLabels()
    {
        var net = epochNet;
        foreach (int[] mask in digits.Masks)
        {
            var batch = digits.Train.Rows(mask);
            optimizer.Update(net, net.Gradient(batch.X, batch.Labels));
            net.Loss(batch.X, batch.Labels);
        }

        return (net.Accuracy(digits.Train.X, digits.Train.Labels), net.Accuracy(digits.Test.X, digits.Test.Labels));
    }
}
