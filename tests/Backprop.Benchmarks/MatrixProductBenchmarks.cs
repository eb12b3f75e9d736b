using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The library's own products (MatrixProduct: blocked FMA kernels) on the Affine layer's three shapes,
/// with 256- or 512-bit vectors, on one core or on all; compare with <see cref="MathNetProductBenchmarks"/>.
/// </summary>
public class MatrixProductBenchmarks
{
    private readonly Workload data = new();

    private readonly bool defaultWide = MatrixProduct.Wide;

    [Params(1, 2)]
    public int Cores { get; set; }

    [Params(256, 512)]
    public int VectorBits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (VectorBits == 512 && !defaultWide)
        {
            throw new NotSupportedException("This machine does not run AVX-512 natively.");
        }

        MatrixProduct.MaxParallelism = Cores;
        MatrixProduct.Wide = VectorBits == 512;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        MatrixProduct.MaxParallelism = Environment.ProcessorCount;
        MatrixProduct.Wide = defaultWide;
    }

    [Benchmark(Description = "MatrixProduct x·W")]
    public Matrix<double> XW() => MatrixProduct.Multiply(data.X, data.W1);

    [Benchmark(Description = "MatrixProduct dout·Wᵀ")]
    public Matrix<double> DoutWt() => MatrixProduct.TimesTransposeOf(data.Dout, data.W1);

    [Benchmark(Description = "MatrixProduct xᵀ·dout")]
    public Matrix<double> XtDout() => MatrixProduct.TransposeOfTimes(data.X, data.Dout);
}
