using System.Globalization;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks.NumPyText;

/// <summary>A row-major n-dimensional array, just enough of one to print it.</summary>
internal sealed class NdArray<T>
{
    public NdArray(int[] shape, T[] data)
    {
        if (shape.Aggregate(1L, (p, n) => p * n) != data.Length)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, Errors.ArrayDoesNotFill, data.Length, $"({string.Join(",", shape)})"));
        }

        Shape = shape;
        Data = data;
    }

    public int[] Shape { get; }

    public T[] Data { get; }

    /// <summary>Row-major offset of a full index.</summary>
    public int Offset(IReadOnlyList<int> index)
    {
        int offset = 0;
        for (int axis = 0; axis < Shape.Length; axis++)
        {
            offset = offset * Shape[axis] + index[axis];
        }

        return offset;
    }
}
