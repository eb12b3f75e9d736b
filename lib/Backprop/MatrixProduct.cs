using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Backprop;

/// <summary>
/// The three matrix products the Affine layer needs (x·W forward; dout·Wᵀ and xᵀ·dout backward), computed
/// with AVX2 FMA on MathNet's column-major storage. MathNet's managed provider is several times slower than
/// NumPy's OpenBLAS on these shapes; this closes most of the gap. Where AVX2/FMA is missing (e.g. ARM) or a
/// matrix is not dense, each call falls back to MathNet's own (scalar) product, which gives the same values
/// up to rounding.
/// </summary>
/// <remarks>
/// The classic blocked scheme (Goto and van de Geijn, "Anatomy of high-performance matrix multiplication",
/// 2008): C = op(A)·op(B) is cut into a KC-deep slice of op(B) (packed once, reused by every row block),
/// MC×KC blocks of op(A) (packed so they stay in L2) and MR×NR tiles of C, each computed by a register
/// micro-kernel whose KC×NR sliver of B stays in L1. Packing copies op(A) and op(B) into the exact order
/// the kernel reads them, so transposing is only a different packing stride, and zero padding lets the
/// kernel always compute whole tiles. Large products are split in two (or more) halves over cores.
/// </remarks>
internal static class MatrixProduct
{
    private const int MR = 8;    // tile rows: two Vector256 of 4 doubles (a column of C is contiguous)
    private const int NR = 6;    // tile columns: 2×6 = 12 accumulators + 2 of A + 1 of B fit in 16 registers
    private const int KC = 256;  // depth slice: a KC×NR sliver of B (12 KB) sits in the 32–48 KB L1
    private const int MC = 96;   // row block: an MC×KC block of A (192 KB) sits in L2

    // Below about a million multiply-adds (~0.1 ms) starting threads costs more than it saves.
    private const long ParallelThreshold = 1 << 20;

    /// <summary>How many cores a large product may use (benchmarks set 1 to see the single-core speed).</summary>
    internal static int MaxParallelism { get; set; } = Environment.ProcessorCount;

    private static bool Accelerated => Vector256.IsHardwareAccelerated && Fma.IsSupported;

    /// <summary>a·b.</summary>
    public static Matrix<double> Multiply(Matrix<double> a, Matrix<double> b)
    {
        Check(a.ColumnCount == b.RowCount, a, "", b, "");
        return Accelerated && a.AsColumnMajorArray() is { } av && b.AsColumnMajorArray() is { } bv
            // a is m×k stored column-major: a[i,p] is at i + p·m; b is k×n: b[p,j] is at p + j·k.
            ? Product(new(av, 1, a.RowCount), new(bv, 1, b.RowCount), a.RowCount, b.ColumnCount, a.ColumnCount)
            : a * b;
    }

    /// <summary>aᵀ·b, without forming aᵀ.</summary>
    public static Matrix<double> TransposeThisAndMultiply(Matrix<double> a, Matrix<double> b)
    {
        Check(a.RowCount == b.RowCount, a, "ᵀ", b, "");
        return Accelerated && a.AsColumnMajorArray() is { } av && b.AsColumnMajorArray() is { } bv
            // a is k×m: aᵀ[i,p] = a[p,i] is at p + i·k.
            ? Product(new(av, a.RowCount, 1), new(bv, 1, b.RowCount), a.ColumnCount, b.ColumnCount, a.RowCount)
            : a.TransposeThisAndMultiply(b);
    }

    /// <summary>a·bᵀ, without forming bᵀ.</summary>
    public static Matrix<double> TransposeAndMultiply(Matrix<double> a, Matrix<double> b)
    {
        Check(a.ColumnCount == b.ColumnCount, a, "", b, "ᵀ");
        return Accelerated && a.AsColumnMajorArray() is { } av && b.AsColumnMajorArray() is { } bv
            // b is n×k: bᵀ[p,j] = b[j,p] is at j + p·n.
            ? Product(new(av, 1, a.RowCount), new(bv, b.RowCount, 1), a.RowCount, b.RowCount, a.ColumnCount)
            : a.TransposeAndMultiply(b);
    }

    private static void Check(bool aligned, Matrix<double> a, string aOp, Matrix<double> b, string bOp)
    {
        if (!aligned)
        {
            throw new ArgumentException($"matrix product: shapes {Shapes.Of(a)}{aOp} and {Shapes.Of(b)}{bOp} not aligned.");
        }
    }

    /// <summary>A matrix read through strides: element [r, c] is at Values[r·RowStride + c·ColumnStride].</summary>
    private readonly record struct Strided(double[] Values, int RowStride, int ColumnStride)
    {
        public double this[int r, int c] => Values[r * RowStride + c * ColumnStride];
    }

    /// <summary>The m×n column-major product of op(A) (m×k) and op(B) (k×n).</summary>
    private static DenseMatrix Product(Strided a, Strided b, int m, int n, int k)
    {
        var c = new DenseMatrix(m, n);
        double[] cValues = c.Values;
        int parts = (long)m * n * k < ParallelThreshold ? 1 : MaxParallelism;
        if (parts == 1)
        {
            Block(a, b, cValues, m, 0, m, 0, n, k);
            return c;
        }

        // Split the longer side of C into whole tiles, one range per core; the ranges write disjoint parts of C.
        bool byRows = m >= n;
        int tile = byRows ? MR : NR;
        int tiles = ((byRows ? m : n) + tile - 1) / tile;
        parts = Math.Min(parts, tiles);
        Parallel.For(0, parts, part =>
        {
            int from = Math.Min(byRows ? m : n, tiles * part / parts * tile);
            int to = Math.Min(byRows ? m : n, tiles * (part + 1) / parts * tile);
            if (byRows)
            {
                Block(a, b, cValues, m, from, to, 0, n, k);
            }
            else
            {
                Block(a, b, cValues, m, 0, m, from, to, k);
            }
        });
        return c;
    }

    /// <summary>Adds op(A)[i0..i1, :]·op(B)[:, j0..j1] into C (column-major, m rows), slice by slice.</summary>
    private static void Block(Strided a, Strided b, double[] c, int m, int i0, int i1, int j0, int j1, int k)
    {
        int columnPanels = (j1 - j0 + NR - 1) / NR;
        double[] packedB = ArrayPool<double>.Shared.Rent(KC * columnPanels * NR);
        double[] packedA = ArrayPool<double>.Shared.Rent(KC * MC);
        for (int p0 = 0; p0 < k; p0 += KC)
        {
            int depth = Math.Min(KC, k - p0);
            PackB(b, p0, depth, j0, j1, packedB);
            for (int r0 = i0; r0 < i1; r0 += MC)
            {
                int r1 = Math.Min(r0 + MC, i1);
                PackA(a, r0, r1, p0, depth, packedA);
                for (int jp = 0; jp < columnPanels; jp++)
                {
                    int j = j0 + jp * NR;
                    for (int i = r0; i < r1; i += MR)
                    {
                        ref double aPanel = ref packedA[(i - r0) * depth];
                        ref double bPanel = ref packedB[jp * NR * depth];
                        Tile(depth, ref aPanel, ref bPanel, c, i + j * m, m, Math.Min(MR, r1 - i), Math.Min(NR, j1 - j));
                    }
                }
            }
        }

        ArrayPool<double>.Shared.Return(packedA);
        ArrayPool<double>.Shared.Return(packedB);
    }

    /// <summary>
    /// Copies op(A)[r0..r1, p0..p0+depth] as MR-row panels, each stored p by p with its MR values
    /// side by side (the order the kernel loads them); rows past r1 are zero.
    /// </summary>
    private static void PackA(Strided a, int r0, int r1, int p0, int depth, double[] packed)
    {
        int at = 0;
        for (int i = r0; i < r1; i += MR)
        {
            int rows = Math.Min(MR, r1 - i);
            for (int p = p0; p < p0 + depth; p++)
            {
                for (int r = 0; r < MR; r++)
                {
                    packed[at++] = r < rows ? a[i + r, p] : 0.0;
                }
            }
        }
    }

    /// <summary>Copies op(B)[p0..p0+depth, j0..j1] as NR-column panels, row p of each panel contiguous.</summary>
    private static void PackB(Strided b, int p0, int depth, int j0, int j1, double[] packed)
    {
        int at = 0;
        for (int j = j0; j < j1; j += NR)
        {
            int columns = Math.Min(NR, j1 - j);
            for (int p = p0; p < p0 + depth; p++)
            {
                for (int s = 0; s < NR; s++)
                {
                    packed[at++] = s < columns ? b[p, j + s] : 0.0;
                }
            }
        }
    }

    /// <summary>
    /// The micro-kernel: C[tile] += Σ_p A[:, p] ⊗ B[p, :] over one packed MR×depth panel of A and
    /// depth×NR panel of B, i.e. `depth` rank-1 updates of an 8×6 tile held in 12 registers.
    /// Only the first <paramref name="rows"/>×<paramref name="columns"/> of the tile exist in C.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(int depth, ref double a, ref double b, double[] c, int at, int ldc, int rows, int columns)
    {
        // cR_J: rows R..R+3 of tile column J.
        Vector256<double> c0_0 = default, c4_0 = default, c0_1 = default, c4_1 = default, c0_2 = default, c4_2 = default;
        Vector256<double> c0_3 = default, c4_3 = default, c0_4 = default, c4_4 = default, c0_5 = default, c4_5 = default;
        for (int p = 0; p < depth; p++)
        {
            var a0 = Vector256.LoadUnsafe(ref a);
            var a4 = Vector256.LoadUnsafe(ref a, 4);
            var bj = Vector256.Create(b);
            c0_0 = Fma.MultiplyAdd(a0, bj, c0_0);
            c4_0 = Fma.MultiplyAdd(a4, bj, c4_0);
            bj = Vector256.Create(Unsafe.Add(ref b, 1));
            c0_1 = Fma.MultiplyAdd(a0, bj, c0_1);
            c4_1 = Fma.MultiplyAdd(a4, bj, c4_1);
            bj = Vector256.Create(Unsafe.Add(ref b, 2));
            c0_2 = Fma.MultiplyAdd(a0, bj, c0_2);
            c4_2 = Fma.MultiplyAdd(a4, bj, c4_2);
            bj = Vector256.Create(Unsafe.Add(ref b, 3));
            c0_3 = Fma.MultiplyAdd(a0, bj, c0_3);
            c4_3 = Fma.MultiplyAdd(a4, bj, c4_3);
            bj = Vector256.Create(Unsafe.Add(ref b, 4));
            c0_4 = Fma.MultiplyAdd(a0, bj, c0_4);
            c4_4 = Fma.MultiplyAdd(a4, bj, c4_4);
            bj = Vector256.Create(Unsafe.Add(ref b, 5));
            c0_5 = Fma.MultiplyAdd(a0, bj, c0_5);
            c4_5 = Fma.MultiplyAdd(a4, bj, c4_5);
            a = ref Unsafe.Add(ref a, MR);
            b = ref Unsafe.Add(ref b, NR);
        }

        // Through a small column-major tile, so edge tiles (rows < MR or columns < NR) add only what exists.
        Span<double> t = stackalloc double[MR * NR];
        c0_0.CopyTo(t[0..]); c4_0.CopyTo(t[4..]); c0_1.CopyTo(t[8..]); c4_1.CopyTo(t[12..]);
        c0_2.CopyTo(t[16..]); c4_2.CopyTo(t[20..]); c0_3.CopyTo(t[24..]); c4_3.CopyTo(t[28..]);
        c0_4.CopyTo(t[32..]); c4_4.CopyTo(t[36..]); c0_5.CopyTo(t[40..]); c4_5.CopyTo(t[44..]);
        for (int j = 0; j < columns; j++)
        {
            Span<double> column = c.AsSpan(at + j * ldc, rows);
            for (int i = 0; i < rows; i++)
            {
                column[i] += t[j * MR + i];
            }
        }
    }
}
