using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// Where the Affine layer's time goes with MathNet alone: its three products, each written the plain way
/// (explicit Transpose()) and the fused way (TransposeThisAndMultiply / TransposeAndMultiply / into a
/// preallocated result), with MathNet's managed provider on one thread and on all cores.
/// </summary>
public class MathNetProductBenchmarks
{
    private readonly Workload data = new();
    private readonly Matrix<double> y = Matrix<double>.Build.Dense(Workload.Batch, Workload.Hidden);
    private readonly Matrix<double> dx = Matrix<double>.Build.Dense(Workload.Batch, Workload.Inputs);
    private readonly Matrix<double> dW = Matrix<double>.Build.Dense(Workload.Inputs, Workload.Hidden);

    [Params(false, true)]
    public bool MultiThreaded { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Control.UseManaged();
        if (MultiThreaded)
        {
            Control.UseMultiThreading();
        }
        else
        {
            Control.UseSingleThread();
        }
    }

    [Benchmark(Description = "x·W")]
    public Matrix<double> XW() => data.X * data.W1;

    [Benchmark(Description = "x·W into y")]
    public Matrix<double> XWInto()
    {
        data.X.Multiply(data.W1, y);
        return y;
    }

    [Benchmark(Description = "dout·W.Transpose()")]
    public Matrix<double> DoutWtExplicit() => data.Dout * data.W1.Transpose();

    [Benchmark(Description = "dout.TransposeAndMultiply(W)")]
    public Matrix<double> DoutWt() => data.Dout.TransposeAndMultiply(data.W1);

    [Benchmark(Description = "dout.TransposeAndMultiply(W, dx)")]
    public Matrix<double> DoutWtInto()
    {
        data.Dout.TransposeAndMultiply(data.W1, dx);
        return dx;
    }

    [Benchmark(Description = "x.Transpose()·dout")]
    public Matrix<double> XtDoutExplicit() => data.X.Transpose() * data.Dout;

    [Benchmark(Description = "x.TransposeThisAndMultiply(dout)")]
    public Matrix<double> XtDout() => data.X.TransposeThisAndMultiply(data.Dout);

    [Benchmark(Description = "x.TransposeThisAndMultiply(dout, dW)")]
    public Matrix<double> XtDoutInto()
    {
        data.X.TransposeThisAndMultiply(data.Dout, dW);
        return dW;
    }
}
