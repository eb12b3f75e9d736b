using FsCheck;
using FsCheck.Xunit;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Tests;

/// <summary>
/// MatrixProduct against two independent truths: a plain triple loop on small-integer matrices, whose
/// products and sums are exact in double so any blocking or packing slip shows as an exact mismatch;
/// and MathNet's own product on real-valued matrices, within the textbook rounding bound
/// |fl(AB) − AB| ≤ γ_k·|A||B| (γ_k = k·u/(1 − k·u), u = 2⁻⁵³), which both products obey.
/// </summary>
public class MatrixProductTests
{
    // (m, k, n): C is m×n. Odd sizes cut through the 8×6 tiles; k > 256 crosses a depth slice;
    // 100·784·50 is the Affine layer's own shape and is big enough to run on several cores.
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 }, { 7, 13, 5 }, { 8, 1, 6 }, { 9, 7, 13 }, { 17, 300, 11 }, { 1, 1000, 1 },
        { 100, 784, 50 }, { 784, 100, 50 }, { 100, 50, 784 }, { 130, 513, 97 },
    };

    [Fact]
    public void HandComputedProductIsExact()
    {
        var product = MatrixProduct.Multiply(TestData.M([1, 2], [3, 4]), TestData.M([5, 6], [7, 8]));
        Assert.Equal(TestData.M([19, 22], [43, 50]), product);
    }

    [Fact]
    public void TransposedOperandsReadTheOtherWay()
    {
        var a = TestData.M([1, 2, 3], [4, 5, 6]);
        // aᵀ·a = [[1,4],[2,5],[3,6]]·[[1,2,3],[4,5,6]] and a·aᵀ, by hand.
        Assert.Equal(TestData.M([17, 22, 27], [22, 29, 36], [27, 36, 45]), MatrixProduct.TransposeOfTimes(a, a));
        Assert.Equal(TestData.M([14, 32], [32, 77]), MatrixProduct.TimesTransposeOf(a, a));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void IntegerProductsMatchTheTripleLoopExactly(int m, int k, int n)
    {
        var a = SmallIntegers(m, k, seed: 1);
        var b = SmallIntegers(k, n, seed: 2);
        var expected = TripleLoop(a, b);

        foreach (bool wide in Kernels())
        {
            WithKernel(wide, () =>
            {
                Assert.Equal(expected, MatrixProduct.Multiply(a, b));
                Assert.Equal(expected, MatrixProduct.TransposeOfTimes(a.Transpose(), b));
                Assert.Equal(expected, MatrixProduct.TimesTransposeOf(a, b.Transpose()));
            });
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void BothVectorWidthsGiveTheSameBits(int m, int k, int n)
    {
        // Each entry is the same chain of fused multiply-adds over p in order, 4 or 8 lanes at a time.
        if (!WideSupported)
        {
            Assert.False(MatrixProduct.Wide, "the 512-bit kernel is on where AVX-512 is missing");
            return;
        }

        var a = TestData.Normal(m, k, seed: 11);
        var b = TestData.Normal(k, n, seed: 12);
        Matrix<double> narrow = null!, wide = null!;
        WithKernel(false, () => narrow = MatrixProduct.Multiply(a, b));
        WithKernel(true, () => wide = MatrixProduct.Multiply(a, b));
        Assert.Equal(narrow, wide);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void RealProductsAgreeWithMathNetWithinTheRoundingBound(int m, int k, int n)
    {
        var a = TestData.Normal(m, k, seed: 3);
        var b = TestData.Normal(k, n, seed: 4);
        var bound = RoundingBound(a, b);

        WithinBound(a * b, MatrixProduct.Multiply(a, b), bound);
        WithinBound(a * b, MatrixProduct.TransposeOfTimes(a.Transpose(), b), bound);
        WithinBound(a * b, MatrixProduct.TimesTransposeOf(a, b.Transpose()), bound);
    }

    [Fact]
    public void OneCoreAndAllCoresGiveTheSameBits()
    {
        // Splitting C over cores must not change the order of any entry's sum.
        var a = TestData.Normal(100, 784, seed: 5);
        var b = TestData.Normal(784, 50, seed: 6);
        var parallel = MatrixProduct.Multiply(a, b);
        int cores = MatrixProduct.MaxParallelism;
        try
        {
            MatrixProduct.MaxParallelism = 1;
            Assert.Equal(MatrixProduct.Multiply(a, b), parallel);
        }
        finally
        {
            MatrixProduct.MaxParallelism = cores;
        }
    }

    [Fact]
    public void OperandsAreLeftAsTheyWere()
    {
        var a = TestData.Normal(9, 7, seed: 7);
        var b = TestData.Normal(7, 13, seed: 8);
        var (aBefore, bBefore) = (a.Clone(), b.Clone());

        MatrixProduct.Multiply(a, b);
        MatrixProduct.TransposeOfTimes(b, b);
        MatrixProduct.TimesTransposeOf(a, a);

        Assert.Equal(aBefore, a);
        Assert.Equal(bBefore, b);
    }

    [Fact]
    public void MatricesWithoutDenseStorageUseMathNetsProduct()
    {
        var diagonal = Matrix<double>.Build.DiagonalOfDiagonalArray([2.0, 3.0]);
        var dense = TestData.M([1, 2], [3, 4]);
        Assert.Equal(TestData.M([2, 4], [9, 12]), MatrixProduct.Multiply(diagonal, dense));
    }

    [Fact]
    public void MisalignedShapesAreNamed()
    {
        var a = TestData.Normal(2, 3, seed: 9);
        var b = TestData.Normal(2, 3, seed: 10);

        var error = Assert.Throws<ArgumentException>(() => MatrixProduct.Multiply(a, b));
        Assert.Contains("(2,3) and (2,3)", error.Message);
        Assert.Throws<ArgumentException>(() => MatrixProduct.TransposeOfTimes(a, b.Transpose()));
        Assert.Throws<ArgumentException>(() => MatrixProduct.TimesTransposeOf(a, b.Transpose()));
    }

    [Property(MaxTest = 60)]
    public void AnyShapeMatchesTheTripleLoop(PositiveInt m, PositiveInt k, PositiveInt n, int seed)
    {
        // Sizes up to 40 reach every remainder of the 8- and 16-row and 6-column tiles.
        var a = SmallIntegers(1 + m.Get % 40, 1 + k.Get % 40, seed);
        var b = SmallIntegers(a.ColumnCount, 1 + n.Get % 40, seed + 1);
        var expected = TripleLoop(a, b);

        foreach (bool wide in Kernels())
        {
            WithKernel(wide, () =>
            {
                Assert.Equal(expected, MatrixProduct.Multiply(a, b));
                Assert.Equal(expected, MatrixProduct.TransposeOfTimes(a.Transpose(), b));
                Assert.Equal(expected, MatrixProduct.TimesTransposeOf(a, b.Transpose()));
            });
        }
    }

    private static bool WideSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>The kernels this machine can run: the 256-bit one always, the 512-bit one with AVX-512.</summary>
    private static bool[] Kernels() => WideSupported ? [false, true] : [false];

    /// <summary>
    /// Runs <paramref name="check"/> with one kernel. Other test classes running meanwhile may see the switch;
    /// that is harmless, since both kernels give the same bits (tested above).
    /// </summary>
    private static void WithKernel(bool wide, Action check)
    {
        bool before = MatrixProduct.Wide;
        try
        {
            MatrixProduct.Wide = wide;
            check();
        }
        finally
        {
            MatrixProduct.Wide = before;
        }
    }

    /// <summary>Entries in −8..8: every partial sum of a product with k ≤ 1000 stays an exact integer.</summary>
    private static Matrix<double> SmallIntegers(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => random.Next(-8, 9));
    }

    /// <summary>C[i,j] = Σ_p A[i,p]·B[p,j], the definition, with no blocking, packing or vectors.</summary>
    private static Matrix<double> TripleLoop(Matrix<double> a, Matrix<double> b)
    {
        var c = Matrix<double>.Build.Dense(a.RowCount, b.ColumnCount);
        for (int i = 0; i < a.RowCount; i++)
        {
            for (int j = 0; j < b.ColumnCount; j++)
            {
                double sum = 0;
                for (int p = 0; p < a.ColumnCount; p++)
                {
                    sum += a[i, p] * b[p, j];
                }

                c[i, j] = sum;
            }
        }

        return c;
    }

    /// <summary>γ_k·|A||B| entrywise: how far any ordering of the k-term sums may land from the exact product.</summary>
    private static Matrix<double> RoundingBound(Matrix<double> a, Matrix<double> b)
    {
        double ku = a.ColumnCount * Math.Pow(2, -53);
        return ku / (1 - ku) * TripleLoop(a.PointwiseAbs(), b.PointwiseAbs());
    }

    /// <summary>Both results lie within the bound of the exact product, so within twice it of each other.</summary>
    private static void WithinBound(Matrix<double> expected, Matrix<double> actual, Matrix<double> bound)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        for (int i = 0; i < expected.RowCount; i++)
        {
            for (int j = 0; j < expected.ColumnCount; j++)
            {
                double gap = Math.Abs(expected[i, j] - actual[i, j]);
                Assert.True(gap <= 2 * bound[i, j], $"[{i},{j}]: {actual[i, j]} vs MathNet's {expected[i, j]}, gap {gap:E2} > {2 * bound[i, j]:E2}");
            }
        }
    }
}
