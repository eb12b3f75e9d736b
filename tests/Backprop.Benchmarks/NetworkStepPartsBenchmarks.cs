using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The net step of <see cref="NetworkStepBenchmarks"/> layer by layer, to see where its time goes.
/// Each backward reuses the state its forward left in GlobalSetup.
/// </summary>
public class NetworkStepPartsBenchmarks
{
    private readonly Workload data = new();
    private Affine affine1 = null!, affine2 = null!;
    private readonly Relu relu = new();
    private readonly SoftmaxWithLoss lastLayer = new();
    private Matrix<double> h = null!, a = null!, s = null!, ds = null!, da = null!, dh = null!;

    [GlobalSetup]
    public void Setup()
    {
        Control.UseManaged();
        Control.UseSingleThread(); // each layer alone, without MathNet handing these small maps to other threads
        affine1 = new Affine(data.W1, data.b1);
        affine2 = new Affine(data.W2, data.b2);
        h = affine1.Forward(data.X);
        a = relu.Forward(h);
        s = affine2.Forward(a);
        lastLayer.Forward(s, data.Labels);
        ds = lastLayer.Backward();
        da = affine2.Backward(ds);
        dh = relu.Backward(da);
        affine1.Backward(dh);
    }

    [Benchmark(Description = "Affine1.Forward (100x784·784x50)")]
    public Matrix<double> Affine1Forward() => affine1.Forward(data.X);

    [Benchmark(Description = "Relu.Forward (100x50)")]
    public Matrix<double> ReluForward() => relu.Forward(h);

    [Benchmark(Description = "Affine2.Forward (100x50·50x10)")]
    public Matrix<double> Affine2Forward() => affine2.Forward(a);

    [Benchmark(Description = "SoftmaxWithLoss.Forward (100x10)")]
    public double LossForward() => lastLayer.Forward(s, data.Labels);

    [Benchmark(Description = "SoftmaxWithLoss.Backward")]
    public Matrix<double> LossBackward() => lastLayer.Backward();

    [Benchmark(Description = "Affine2.Backward")]
    public Matrix<double> Affine2Backward() => affine2.Backward(ds);

    [Benchmark(Description = "Relu.Backward")]
    public Matrix<double> ReluBackward() => relu.Backward(da);

    [Benchmark(Description = "Affine1.Backward (dx, dW, db)")]
    public Matrix<double> Affine1Backward() => affine1.Backward(dh);
}
