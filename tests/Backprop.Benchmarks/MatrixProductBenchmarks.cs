using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The library's own products (MatrixProduct: blocked AVX2 FMA kernel) on the Affine layer's three shapes,
/// on one core and on all cores; compare with <see cref="MathNetProductBenchmarks"/>.
/// </summary>
public class MatrixProductBenchmarks
{
    private readonly Workload data = new();

    [Params(1, 2)]
    public int Cores { get; set; }

    [GlobalSetup]
    public void Setup() => MatrixProduct.MaxParallelism = Cores;

    [GlobalCleanup]
    public void Cleanup() => MatrixProduct.MaxParallelism = Environment.ProcessorCount;

    [Benchmark(Description = "MatrixProduct x·W")]
    public Matrix<double> XW() => MatrixProduct.Multiply(data.X, data.W1);

    [Benchmark(Description = "MatrixProduct dout·Wᵀ")]
    public Matrix<double> DoutWt() => MatrixProduct.TransposeAndMultiply(data.Dout, data.W1);

    [Benchmark(Description = "MatrixProduct xᵀ·dout")]
    public Matrix<double> XtDout() => MatrixProduct.TransposeThisAndMultiply(data.X, data.Dout);
}
