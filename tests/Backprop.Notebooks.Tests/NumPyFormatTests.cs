using System.Globalization;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Notebooks.Tests;

/// <summary>Our NumPy text against strings printed by real NumPy (see NumPyCases.py).</summary>
public sealed class NumPyFormatTests
{
    public static TheoryData<string> FloatNames() => [.. NumPyCases.Floats.Select(c => c.Name)];

    public static TheoryData<string> RangeNames() => [.. NumPyCases.Ranges.Select(c => c.Name)];

    public static TheoryData<string> BoolNames() => [.. NumPyCases.Bools.Select(c => c.Name)];

    public static TheoryData<string> IntNames() => [.. NumPyCases.Ints.Select(c => c.Name)];

    public static TheoryData<string, string> Reprs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (bits, repr) in NumPyCases.Reprs)
        {
            data.Add(bits, repr);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FloatNames))]
    public void Float_arrays_print_as_NumPy_prints_them(string name)
    {
        var c = NumPyCases.Floats.Single(x => x.Name == name);
        double[] values = c.Values.Select(ParsePython).ToArray();
        Assert.Equal(c.Expected, FormatAsShape(c.Shape, values));
    }

    [Theory]
    [MemberData(nameof(RangeNames))]
    public void Large_arrays_are_summarised_as_NumPy_does(string name)
    {
        var c = NumPyCases.Ranges.Single(x => x.Name == name);
        int n = c.Shape.Aggregate(1, (p, d) => p * d);
        double[] values = Enumerable.Range(0, n).Select(i => (double)(i + c.Offset) / c.Divisor).ToArray();
        Assert.Equal(c.Expected, FormatAsShape(c.Shape, values));
    }

    [Theory]
    [MemberData(nameof(IntNames))]
    public void Integer_arrays_print_as_NumPy_prints_them(string name)
    {
        var c = NumPyCases.Ints.Single(x => x.Name == name);
        string actual = c.Shape.Length == 1
            ? NumPy.Format(c.Values)
            : NumPy.Format(To2D(c.Shape, c.Values));
        Assert.Equal(c.Expected, actual);
    }

    [Theory]
    [MemberData(nameof(BoolNames))]
    public void Boolean_arrays_print_as_NumPy_prints_them(string name)
    {
        var c = NumPyCases.Bools.Single(x => x.Name == name);
        string actual = c.Shape.Length == 1
            ? NumPy.Format(c.Values)
            : NumPy.Format(To2D(c.Shape, c.Values));
        Assert.Equal(c.Expected, actual);
    }

    [Theory]
    [MemberData(nameof(Reprs))]
    public void Doubles_print_as_Python_repr(string bits, string repr)
    {
        double x = BitConverter.Int64BitsToDouble(long.Parse(bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.Equal(repr, NumPy.Format(x));
    }

    [Fact]
    public void Matrix_is_printed_row_major()
    {
        // MathNet stores column-major; a mix-up would print the transpose.
        var m = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal("[[1. 2. 3.]\n [4. 5. 6.]]", NumPy.Format(m));
    }

    [Fact]
    public void Empty_arrays_print_as_empty_brackets()
    {
        Assert.Equal("[]", NumPy.Format(Array.Empty<double>()));
        Assert.Equal("[]", NumPy.Format(Array.Empty<int>()));
    }

    /// <summary>The same values through each public overload that fits the shape: all must agree.</summary>
    private static string FormatAsShape(int[] shape, double[] values)
    {
        var tensor = Tensor.Create(values, shape.Select(n => (nint)n).ToArray());
        string viaTensor = NumPy.Format(tensor);
        if (shape.Length == 1)
        {
            Assert.Equal(viaTensor, NumPy.Format(Vector<double>.Build.DenseOfArray(values)));
            Assert.Equal(viaTensor, NumPy.Format(values));
        }
        else if (shape.Length == 2)
        {
            Assert.Equal(viaTensor, NumPy.Format(Matrix<double>.Build.DenseOfRowMajor(shape[0], shape[1], values)));
        }

        return viaTensor;
    }

    private static T[,] To2D<T>(int[] shape, T[] values)
    {
        var result = new T[shape[0], shape[1]];
        for (int i = 0; i < values.Length; i++)
        {
            result[i / shape[1], i % shape[1]] = values[i];
        }

        return result;
    }

    private static double ParsePython(string repr) => repr switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(repr, CultureInfo.InvariantCulture),
    };
}
