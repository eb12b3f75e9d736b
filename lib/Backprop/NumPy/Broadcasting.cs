using System.Numerics.Tensors;

namespace Backprop;

/// <summary>
/// NumPy's broadcasting rule for elementwise arithmetic on .NET's <see cref="Tensor{T}"/>, with NumPy's
/// error message. The rule: line the two shapes up from the right (a missing leading dimension counts
/// as 1); each pair of dimensions must be equal, or one of them 1, which is stretched to the other.
/// So (3,2,4) + (4,) adds the same row of 4 everywhere, and (3,2,4) · (2,1) scales each of the 2 rows.
/// </summary>
/// <remarks>
/// <c>Tensor.Add</c> of System.Numerics.Tensors broadcasts too, but on incompatible shapes it says only
/// "Lengths are not compatible with each other.", and in 10.0.14 it returns shape (1,2,4) for
/// (3,2,4) + (1,2,4) (cf. dotnet/runtime#125530). Applying the rule here keeps both the result and the
/// message NumPy's.
/// </remarks>
public static class Broadcasting
{
    /// <summary>a + b elementwise, after broadcasting both to their common shape.</summary>
    public static Tensor<double> Add(Tensor<double> a, Tensor<double> b) => Combine(a, b, static (x, y) => x + y);

    /// <summary>a · b elementwise, after broadcasting both to their common shape.</summary>
    public static Tensor<double> Multiply(Tensor<double> a, Tensor<double> b) => Combine(a, b, static (x, y) => x * y);

    /// <summary>
    /// The shape both operands broadcast to, e.g. (3,2,4) and (2,1) give (3,2,4). Throws
    /// <see cref="ArgumentException"/> with NumPy's message when some aligned pair differs and neither is 1.
    /// </summary>
    public static nint[] BroadcastShape(ReadOnlySpan<nint> a, ReadOnlySpan<nint> b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var shape = new nint[rank];
        for (int d = 1; d <= rank; d++)
        {
            nint da = d <= a.Length ? a[^d] : 1;
            nint db = d <= b.Length ? b[^d] : 1;
            if (da != db && da != 1 && db != 1)
            {
                throw new ArgumentException(
                    Messages.Format(Errors.NotBroadcastable, FormatShape(a), FormatShape(b)));
            }

            shape[^d] = da == 1 ? db : da;
        }

        return shape;
    }

    /// <summary>A shape as NumPy prints it: "(3,2,4)", a one-element tuple as "(4,)", a scalar as "()".</summary>
    public static string FormatShape(ReadOnlySpan<nint> shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(",", shape.ToArray())})";

    private static Tensor<double> Combine(Tensor<double> a, Tensor<double> b, Func<double, double, double> op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        nint[] shape = BroadcastShape(a.Lengths, b.Lengths);
        double[] av = Flatten(a);
        double[] bv = Flatten(b);
        nint[] aStrides = StridesIn(a.Lengths, shape.Length);
        nint[] bStrides = StridesIn(b.Lengths, shape.Length);

        // Walk the result in row-major order with an odometer index; a stretched dimension has
        // stride 0 in its operand, so the same element is read again for every step along it.
        var result = new double[Product(shape)];
        var index = new nint[shape.Length];
        nint ai = 0;
        nint bi = 0;
        for (nint k = 0; k < result.Length; k++)
        {
            result[k] = op(av[ai], bv[bi]);
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                index[d]++;
                ai += aStrides[d];
                bi += bStrides[d];
                if (index[d] < shape[d])
                {
                    break;
                }

                ai -= aStrides[d] * shape[d];
                bi -= bStrides[d] * shape[d];
                index[d] = 0;
            }
        }

        return Tensor.Create(result, shape);
    }

    /// <summary>Row-major strides of <paramref name="lengths"/> right-aligned to <paramref name="rank"/>; 0 where stretched.</summary>
    private static nint[] StridesIn(ReadOnlySpan<nint> lengths, int rank)
    {
        var strides = new nint[rank];
        nint stride = 1;
        for (int d = 1; d <= lengths.Length; d++)
        {
            strides[^d] = lengths[^d] == 1 ? 0 : stride;
            stride *= lengths[^d];
        }

        return strides;
    }

    private static double[] Flatten(Tensor<double> t)
    {
        var values = new double[t.FlattenedLength];
        t.FlattenTo(values);
        return values;
    }

    private static nint Product(ReadOnlySpan<nint> shape)
    {
        nint n = 1;
        foreach (nint d in shape)
        {
            n *= d;
        }

        return n;
    }
}
