using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The anchor's <c>affine_fwd_bwd</c> with the library's own layer: y = x·W + b, then dx = dout·Wᵀ,
/// dW = xᵀ·dout and db = column sums of dout, at x 100×784, W 784×50, dout 100×50; and the same lines
/// written with MathNet's operators alone (the layer before MatrixProduct), as the baseline.
/// </summary>
public class AffineBenchmarks
{
    private readonly Workload data = new();
    private Affine affine = null!;

    [GlobalSetup]
    public void Setup()
    {
        Control.UseManaged();
        Control.UseMultiThreading();
        affine = new Affine(data.W1, data.b1);
    }

    [Benchmark(Description = "Affine forward+backward")]
    public Matrix<double> ForwardBackward()
    {
        affine.Forward(data.X);
        return affine.Backward(data.Dout);
    }

    [Benchmark(Baseline = true, Description = "same with MathNet's products")]
    public (Matrix<double> Y, Matrix<double> Dx, Matrix<double> DW, Vector<double> Db) MathNetOnly()
    {
        var (x, W, b, dout) = (data.X, data.W1, data.b1, data.Dout);
        var y = (x * W).MapIndexed((i, j, v) => v + b[j]);
        var dx = dout * W.Transpose();
        var dW = x.TransposeThisAndMultiply(dout);
        var db = dout.ColumnSums();
        return (y, dx, dW, db);
    }
}
