using BenchmarkDotNet.Attributes;
using MathNet.Numerics;

namespace Backprop.Benchmarks;

/// <summary>
/// The anchor's <c>net_step</c> with the library's layers: a 784-50-10 Affine-ReLU-Affine-SoftmaxWithLoss
/// network on a batch of 100, forward to the loss and backward to every parameter gradient.
/// </summary>
/// <remarks>
/// One difference in work, on purpose: the layers' Backward always returns dx, so the first Affine also
/// computes dout·W1ᵀ (100×50·50×784), a third big product the anchor skips because nothing uses it.
/// </remarks>
public class NetworkStepBenchmarks
{
    private readonly Workload data = new();
    private Affine affine1 = null!, affine2 = null!;
    private readonly Relu relu = new();
    private readonly SoftmaxWithLoss lastLayer = new();

    /// <summary>
    /// MathNet's default is to spread element-wise maps (Relu, bias, softmax) over threads; on 100×50
    /// matrices that may cost more than it saves, so the step is measured both ways.
    /// </summary>
    [Params(true, false)]
    public bool MathNetMultiThreaded { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Control.UseManaged();
        if (MathNetMultiThreaded)
        {
            Control.UseMultiThreading();
        }
        else
        {
            Control.UseSingleThread();
        }

        affine1 = new Affine(data.W1, data.b1);
        affine2 = new Affine(data.W2, data.b2);
    }

    [Benchmark(Description = "784-50-10 net step (loss + gradients)")]
    public double Step()
    {
        double loss = lastLayer.Forward(affine2.Forward(relu.Forward(affine1.Forward(data.X))), data.Labels);
        var dout = lastLayer.Backward();
        dout = affine2.Backward(dout);
        dout = relu.Backward(dout);
        affine1.Backward(dout);
        return loss;
    }
}
