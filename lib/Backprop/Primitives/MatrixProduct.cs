using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MathNet.Numerics.LinearAlgebra.Double;

namespace Backprop;

/// <summary>
/// The three matrix products the Affine layer needs (x·W forward; dout·Wᵀ and xᵀ·dout backward), computed
/// with fused multiply-adds on 256-bit (AVX2) or 512-bit (AVX-512) vectors, straight on MathNet's
/// column-major storage. MathNet's managed provider is several times slower than NumPy's OpenBLAS on these
/// shapes; this brings them level. Where AVX2/FMA is missing (e.g. ARM) or a matrix is not dense, each call
/// falls back to MathNet's own (scalar) product, which gives the same values up to rounding.
/// </summary>
/// <remarks>
/// The blocked scheme of Goto and van de Geijn ("Anatomy of high-performance matrix multiplication", 2008),
/// trimmed for the layer's shapes: C = op(A)·op(B) is cut into KC-deep slices of k, MC-row blocks of op(A)
/// (kept in L2) and MR×NR tiles of C, each computed by a register micro-kernel whose KC×NR sliver of op(B)
/// stays in L1 while it sweeps down the block. With one side of the products only 50 wide, copying
/// ("packing") an operand costs about as much as multiplying it, so both are read in place where their
/// layout allows: op(B) always (NR strided lanes), op(A) when its rows are adjacent (A, not Aᵀ). Only panels
/// of Aᵀ and a last, shorter panel of A are packed. Large products are split in two (or more) over cores.
/// Every entry of C is computed by the same operations in the same order whatever the vector width or the
/// number of cores (a chain of fused multiply-adds over each KC-slice of p, the slices added in turn), so all
/// of them give the same bits.
/// </remarks>
internal static class MatrixProduct
{
    // Tile rows: two vectors of A (8 doubles with Vector256, 16 with Vector512), a contiguous piece of a column of C.
    private const int NarrowMR = 8, WideMR = 16;
    private const int NR = 6;    // tile columns: 2×6 = 12 accumulators + 2 of A + 1 of B fit in 16 registers
    private const int KC = 256;  // depth slice: a KC×NR sliver of B (12 KB) stays in the 32–48 KB L1
    private const int MC = 128;  // row block (a multiple of both MR): an MC×KC block of A (256 KB) sits in L2

    // Below about a million multiply-adds (~0.1 ms) starting threads costs more than it saves.
    private const long ParallelThreshold = 1 << 20;

    /// <summary>How many cores a large product may use (benchmarks set 1 to see the single-core speed).</summary>
    internal static int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Whether to use the 512-bit kernel; on by default where AVX-512 runs natively (tests switch it off).</summary>
    internal static bool Wide { get; set; } = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

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
    public static Matrix<double> TransposeOfTimes(Matrix<double> a, Matrix<double> b)
    {
        Check(a.RowCount == b.RowCount, a, "ᵀ", b, "");
        return Accelerated && a.AsColumnMajorArray() is { } av && b.AsColumnMajorArray() is { } bv
            // a is k×m: aᵀ[i,p] = a[p,i] is at p + i·k.
            ? Product(new(av, a.RowCount, 1), new(bv, 1, b.RowCount), a.ColumnCount, b.ColumnCount, a.RowCount)
            : a.TransposeThisAndMultiply(b);
    }

    /// <summary>a·bᵀ, without forming bᵀ.</summary>
    public static Matrix<double> TimesTransposeOf(Matrix<double> a, Matrix<double> b)
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
            throw new ArgumentException(Messages.Format(Errors.ProductNotAligned, Shapes.Of(a) + aOp, Shapes.Of(b) + bOp));
        }
    }

    /// <summary>A matrix read through strides: element [r, c] is at Values[r·RowStride + c·ColumnStride].</summary>
    private readonly record struct Strided(double[] Values, int RowStride, int ColumnStride);

    /// <summary>The m×n column-major product of op(A) (m×k) and op(B) (k×n).</summary>
    private static DenseMatrix Product(Strided a, Strided b, int m, int n, int k)
    {
        // Not zeroed: the first depth slice writes every entry of C, later slices add to it.
        double[] c = GC.AllocateUninitializedArray<double>(m * n);
        if (k == 0)
        {
            Array.Clear(c);
        }

        int mr = Wide ? WideMR : NarrowMR;
        int parts = (long)m * n * k < ParallelThreshold ? 1 : MaxParallelism;
        if (parts == 1)
        {
            Block(a, b, c, m, 0, m, 0, n, k, mr);
            return new DenseMatrix(m, n, c);
        }

        // Split the longer side of C into ranges of whole tiles; the ranges write disjoint parts of C. Twice as
        // many ranges as cores: a core busy with another process leaves its second range to the others.
        bool byRows = m >= n;
        int tile = byRows ? mr : NR;
        int length = byRows ? m : n;
        int tiles = (length + tile - 1) / tile;
        int ranges = Math.Min(2 * parts, tiles);
        Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = parts }, range =>
        {
            int from = Math.Min(length, tiles * range / ranges * tile);
            int to = Math.Min(length, tiles * (range + 1) / ranges * tile);
            if (byRows)
            {
                Block(a, b, c, m, from, to, 0, n, k, mr);
            }
            else
            {
                Block(a, b, c, m, 0, m, from, to, k, mr);
            }
        });
        return new DenseMatrix(m, n, c);
    }

    /// <summary>C[i0..i1, j0..j1] = op(A)[i0..i1, :]·op(B)[:, j0..j1] (C column-major, m rows), slice by slice.</summary>
    private static void Block(Strided a, Strided b, double[] c, int m, int i0, int i1, int j0, int j1, int k, int mr)
    {
        double[] packedA = ArrayPool<double>.Shared.Rent(KC * MC);
        for (int p0 = 0; p0 < k; p0 += KC)
        {
            int depth = Math.Min(KC, k - p0);
            bool accumulate = p0 > 0;
            for (int r0 = i0; r0 < i1; r0 += MC)
            {
                int r1 = Math.Min(r0 + MC, i1);
                PackA(a, r0, r1, p0, depth, mr, packedA);
                for (int j = j0; j < j1; j += NR)
                {
                    // op(B) is read in place: its element [p, j + s] is at bPanel + p·RowStride + s·ColumnStride.
                    ref double bPanel = ref b.Values[p0 * b.RowStride + j * b.ColumnStride];
                    for (int i = r0; i < r1; i += mr)
                    {
                        int rows = Math.Min(mr, r1 - i);
                        bool inPlace = InPlace(a, rows, mr);
                        ref double aPanel = ref inPlace ? ref a.Values[i + p0 * a.ColumnStride] : ref packedA[(i - r0) * depth];
                        var aStep = inPlace ? a.ColumnStride : mr;
                        var tile = new TileTarget(c, i + j * m, m, rows, Math.Min(NR, j1 - j), accumulate);
                        if (mr == WideMR)
                        {
                            Tile512(depth, ref aPanel, aStep, ref bPanel, b.RowStride, b.ColumnStride, tile);
                        }
                        else
                        {
                            Tile256(depth, ref aPanel, aStep, ref bPanel, b.RowStride, b.ColumnStride, tile);
                        }
                    }
                }
            }
        }

        ArrayPool<double>.Shared.Return(packedA);
    }

    /// <summary>
    /// A whole panel of an untransposed A is read where it is: its mr rows are adjacent in each column.
    /// Panels of Aᵀ (rows far apart) and a last, shorter panel (whose vector loads would run past the last
    /// row, and in the last column past the array) are packed.
    /// </summary>
    private static bool InPlace(Strided a, int rows, int mr) => a.RowStride == 1 && rows == mr;

    /// <summary>
    /// Copies the panels of op(A)[r0..r1, p0..p0+depth] that are not read in place: p by p, a panel's mr values
    /// side by side, the order the kernel loads them; rows past r1 are zero (computed, never written to C).
    /// </summary>
    private static void PackA(Strided a, int r0, int r1, int p0, int depth, int mr, double[] packed)
    {
        for (int i = r0; i < r1; i += mr)
        {
            int rows = Math.Min(mr, r1 - i);
            if (InPlace(a, rows, mr))
            {
                continue;
            }

            var panel = packed.AsSpan((i - r0) * depth, mr * depth);
            if (rows < mr)
            {
                panel.Clear();
            }

            // Row r of the panel, step s, is at start + r·RowStride + s·ColumnStride.
            int start = i * a.RowStride + p0 * a.ColumnStride;
            if (a.RowStride == 1)
            {
                // The short last panel of A: its rows are adjacent in each column, copy them step by step.
                for (int step = 0; step < depth; step++)
                {
                    a.Values.AsSpan(start + step * a.ColumnStride, rows).CopyTo(panel.Slice(step * mr));
                }

                continue;
            }

            // Aᵀ: each row of the panel is a contiguous run along the steps; read it in order, write with stride mr.
            Debug.Assert(a.ColumnStride == 1, "only Aᵀ has rows that are not adjacent");
            for (int r = 0; r < rows; r++)
            {
                var row = a.Values.AsSpan(start + r * a.RowStride, depth);
                for (int step = 0; step < row.Length; step++)
                {
                    panel[step * mr + r] = row[step];
                }
            }
        }
    }

    /// <summary>
    /// Where a tile's result goes: C from index <see cref="At"/> with column stride <see cref="Ldc"/>; only its
    /// first <see cref="Rows"/>×<see cref="Columns"/> entries exist. The first slice of k writes the tile
    /// (C is not zeroed), later slices add to it.
    /// </summary>
    private readonly record struct TileTarget(double[] C, int At, int Ldc, int Rows, int Columns, bool Accumulate);

    /// <summary>
    /// The micro-kernel with Vector256: C[tile] (+)= Σ_p A[:, p] ⊗ B[p, :], i.e. `depth` rank-1 updates of an
    /// 8×6 tile held in 12 registers. Column p of the 8-row panel of A is at a + p·aStep (8 adjacent values);
    /// B[p, s] is at b + p·bStep + s·bLane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile256(int depth, ref double a, int aStep, ref double b, int bStep, int bLane, TileTarget target)
    {
        // Lane s of B is at b + s·bLane; in a last, narrower panel the missing lanes repeat the last column
        // (computed, never written), so every read stays inside B.
        var (b1, b2, b3, b4, b5) = Lanes(bLane, target.Columns);
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
            bj = Vector256.Create(Unsafe.Add(ref b, b1));
            c0_1 = Fma.MultiplyAdd(a0, bj, c0_1);
            c4_1 = Fma.MultiplyAdd(a4, bj, c4_1);
            bj = Vector256.Create(Unsafe.Add(ref b, b2));
            c0_2 = Fma.MultiplyAdd(a0, bj, c0_2);
            c4_2 = Fma.MultiplyAdd(a4, bj, c4_2);
            bj = Vector256.Create(Unsafe.Add(ref b, b3));
            c0_3 = Fma.MultiplyAdd(a0, bj, c0_3);
            c4_3 = Fma.MultiplyAdd(a4, bj, c4_3);
            bj = Vector256.Create(Unsafe.Add(ref b, b4));
            c0_4 = Fma.MultiplyAdd(a0, bj, c0_4);
            c4_4 = Fma.MultiplyAdd(a4, bj, c4_4);
            bj = Vector256.Create(Unsafe.Add(ref b, b5));
            c0_5 = Fma.MultiplyAdd(a0, bj, c0_5);
            c4_5 = Fma.MultiplyAdd(a4, bj, c4_5);
            a = ref Unsafe.Add(ref a, aStep);
            b = ref Unsafe.Add(ref b, bStep);
        }

        if (target.Rows == NarrowMR && target.Columns == NR)
        {
            // A whole tile: each accumulator pair is a contiguous piece of a column of C.
            ref double c0 = ref WholeTile(target, NarrowMR);
            Store(ref c0, c0_0, c4_0, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, target.Ldc), c0_1, c4_1, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, 2 * target.Ldc), c0_2, c4_2, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, 3 * target.Ldc), c0_3, c4_3, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, 4 * target.Ldc), c0_4, c4_4, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, 5 * target.Ldc), c0_5, c4_5, target.Accumulate);
            return;
        }

        Span<double> t = stackalloc double[NarrowMR * NR];
        c0_0.CopyTo(t[0..]); c4_0.CopyTo(t[4..]); c0_1.CopyTo(t[8..]); c4_1.CopyTo(t[12..]);
        c0_2.CopyTo(t[16..]); c4_2.CopyTo(t[20..]); c0_3.CopyTo(t[24..]); c4_3.CopyTo(t[28..]);
        c0_4.CopyTo(t[32..]); c4_4.CopyTo(t[36..]); c0_5.CopyTo(t[40..]); c4_5.CopyTo(t[44..]);
        EdgeTile(t, NarrowMR, target);
    }

    /// <summary>
    /// The same micro-kernel with Vector512 (16×6 tile, 12 registers), twice the work per instruction where
    /// the core has full-width AVX-512 units.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile512(int depth, ref double a, int aStep, ref double b, int bStep, int bLane, TileTarget target)
    {
        // Lane s of B is at b + s·bLane; in a last, narrower panel the missing lanes repeat the last column
        // (computed, never written), so every read stays inside B.
        var (b1, b2, b3, b4, b5) = Lanes(bLane, target.Columns);
        // cR_J: rows R..R+7 of tile column J.
        Vector512<double> c0_0 = default, c8_0 = default, c0_1 = default, c8_1 = default, c0_2 = default, c8_2 = default;
        Vector512<double> c0_3 = default, c8_3 = default, c0_4 = default, c8_4 = default, c0_5 = default, c8_5 = default;
        for (int p = 0; p < depth; p++)
        {
            var a0 = Vector512.LoadUnsafe(ref a);
            var a8 = Vector512.LoadUnsafe(ref a, 8);
            var bj = Vector512.Create(b);
            c0_0 = Avx512F.FusedMultiplyAdd(a0, bj, c0_0);
            c8_0 = Avx512F.FusedMultiplyAdd(a8, bj, c8_0);
            bj = Vector512.Create(Unsafe.Add(ref b, b1));
            c0_1 = Avx512F.FusedMultiplyAdd(a0, bj, c0_1);
            c8_1 = Avx512F.FusedMultiplyAdd(a8, bj, c8_1);
            bj = Vector512.Create(Unsafe.Add(ref b, b2));
            c0_2 = Avx512F.FusedMultiplyAdd(a0, bj, c0_2);
            c8_2 = Avx512F.FusedMultiplyAdd(a8, bj, c8_2);
            bj = Vector512.Create(Unsafe.Add(ref b, b3));
            c0_3 = Avx512F.FusedMultiplyAdd(a0, bj, c0_3);
            c8_3 = Avx512F.FusedMultiplyAdd(a8, bj, c8_3);
            bj = Vector512.Create(Unsafe.Add(ref b, b4));
            c0_4 = Avx512F.FusedMultiplyAdd(a0, bj, c0_4);
            c8_4 = Avx512F.FusedMultiplyAdd(a8, bj, c8_4);
            bj = Vector512.Create(Unsafe.Add(ref b, b5));
            c0_5 = Avx512F.FusedMultiplyAdd(a0, bj, c0_5);
            c8_5 = Avx512F.FusedMultiplyAdd(a8, bj, c8_5);
            a = ref Unsafe.Add(ref a, aStep);
            b = ref Unsafe.Add(ref b, bStep);
        }

        if (target.Rows == WideMR && target.Columns == NR)
        {
            ref double c0 = ref WholeTile(target, WideMR);
            Store(ref c0, c0_0, c8_0, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, target.Ldc), c0_1, c8_1, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, 2 * target.Ldc), c0_2, c8_2, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, 3 * target.Ldc), c0_3, c8_3, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, 4 * target.Ldc), c0_4, c8_4, target.Accumulate);
            Store(ref Unsafe.Add(ref c0, 5 * target.Ldc), c0_5, c8_5, target.Accumulate);
            return;
        }

        Span<double> t = stackalloc double[WideMR * NR];
        c0_0.CopyTo(t[0..]); c8_0.CopyTo(t[8..]); c0_1.CopyTo(t[16..]); c8_1.CopyTo(t[24..]);
        c0_2.CopyTo(t[32..]); c8_2.CopyTo(t[40..]); c0_3.CopyTo(t[48..]); c8_3.CopyTo(t[56..]);
        c0_4.CopyTo(t[64..]); c8_4.CopyTo(t[72..]); c0_5.CopyTo(t[80..]); c8_5.CopyTo(t[88..]);
        EdgeTile(t, WideMR, target);
    }

    /// <summary>The offsets of B's lanes 1..5 from lane 0, clamped to the last existing column.</summary>
    private static (nint, nint, nint, nint, nint) Lanes(int bLane, int columns)
    {
        nint Lane(int s) => (nint)Math.Min(s, columns - 1) * bLane;
        return (Lane(1), Lane(2), Lane(3), Lane(4), Lane(5));
    }

    /// <summary>The first entry of a whole mr×NR tile of C, after one bounds check on its last entry.</summary>
    private static ref double WholeTile(TileTarget target, int mr)
    {
        _ = target.C[target.At + (NR - 1) * target.Ldc + mr - 1];
        return ref target.C[target.At];
    }

    /// <summary>Writes (or adds) the 8 values of two Vector256 accumulators to a piece of a column of C.</summary>
    private static void Store(ref double c, Vector256<double> low, Vector256<double> high, bool accumulate)
    {
        if (accumulate)
        {
            low += Vector256.LoadUnsafe(ref c);
            high += Vector256.LoadUnsafe(ref c, 4);
        }

        low.StoreUnsafe(ref c);
        high.StoreUnsafe(ref c, 4);
    }

    /// <summary>Writes (or adds) the 16 values of two Vector512 accumulators to a piece of a column of C.</summary>
    private static void Store(ref double c, Vector512<double> low, Vector512<double> high, bool accumulate)
    {
        if (accumulate)
        {
            low += Vector512.LoadUnsafe(ref c);
            high += Vector512.LoadUnsafe(ref c, 8);
        }

        low.StoreUnsafe(ref c);
        high.StoreUnsafe(ref c, 8);
    }

    /// <summary>An edge tile, from its column-major copy <paramref name="t"/>: writes only the entries that exist in C.</summary>
    private static void EdgeTile(ReadOnlySpan<double> t, int mr, TileTarget target)
    {
        for (int j = 0; j < target.Columns; j++)
        {
            Span<double> column = target.C.AsSpan(target.At + j * target.Ldc, target.Rows);
            ReadOnlySpan<double> values = t.Slice(j * mr, target.Rows);
            for (int i = 0; i < column.Length; i++)
            {
                column[i] = target.Accumulate ? column[i] + values[i] : values[i];
            }
        }
    }
}
