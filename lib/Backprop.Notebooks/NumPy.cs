using System.Globalization;
using System.Numerics.Tensors;
using Backprop.Notebooks.NumPyText;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Notebooks;

/// <summary>
/// Text exactly as Python's <c>print</c> shows a NumPy array or float, so a notebook's output can be
/// read digit by digit against the seeds: float64 arrays with NumPy's default print options
/// (precision 8, 75 columns), integer arrays, and Python's shortest-repr floats.
/// </summary>
public static class NumPy
{
    /// <summary>A matrix as <c>print(np_array)</c> shows a 2-D float64 array: "[[19. 26.]\n [19. 26.]]".</summary>
    public static string Format(Matrix<double> m)
    {
        ArgumentNullException.ThrowIfNull(m);
        // MathNet stores column-major; NumPy prints row-major.
        double[] data = m.ToRowMajorArray();
        return Floats([m.RowCount, m.ColumnCount], data);
    }

    /// <summary>A vector as a 1-D float64 array: "[0.88079708 0.11920292]".</summary>
    public static string Format(Vector<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return Floats([v.Count], v.ToArray());
    }

    /// <summary>A tensor of any rank as an n-D float64 array, with NumPy's blank lines between blocks.</summary>
    public static string Format(Tensor<double> t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        int[] shape = t.Lengths.ToArray().Select(n => checked((int)n)).ToArray();
        return Floats(shape, data);
    }

    /// <summary>A 1-D float64 array given as plain values.</summary>
    public static string Format(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Floats([values.Length], values);
    }

    /// <summary>A 1-D integer array: "[19 26]", right-aligned columns.</summary>
    public static string Format(int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Ints([values.Length], values.Select(v => (long)v).ToArray());
    }

    /// <summary>A 2-D integer array: "[[19 26]\n [19 26]]".</summary>
    public static string Format(int[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Ints([values.GetLength(0), values.GetLength(1)], values.Cast<int>().Select(v => (long)v).ToArray());
    }

    /// <summary>A 1-D boolean array, such as ReLU's mask: "[False  True]".</summary>
    public static string Format(bool[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return ArrayLayout.Format(new NdArray<bool>([values.Length], values), _ => new BoolFormat());
    }

    /// <summary>A 2-D boolean array: "[[False  True]\n [ True False]]".</summary>
    public static string Format(bool[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return ArrayLayout.Format(new NdArray<bool>([values.GetLength(0), values.GetLength(1)], values.Cast<bool>().ToArray()), _ => new BoolFormat());
    }

    /// <summary>
    /// Python's <c>repr</c> of a float: the shortest digits that read back as the same double, with ".0"
    /// on whole numbers and exponent notation below 1e-4 or from 1e16: 220.00000000000003, 200.0, 1e-05.
    /// </summary>
    public static string Format(double x)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "inf" : "-inf";
        }

        string sign = double.IsNegative(x) ? "-" : "";
        if (x == 0)
        {
            return sign + "0.0";
        }

        DecimalDigits d = DecimalDigits.Shortest(Math.Abs(x));
        string digits = d.Digits;
        if (d.Exponent < -4 || d.Exponent >= 16)
        {
            string mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            string exponent = Math.Abs(d.Exponent).ToString("00", CultureInfo.InvariantCulture);
            return sign + mantissa + "e" + (d.Exponent < 0 ? "-" : "+") + exponent;
        }

        if (d.Exponent < 0)
        {
            return sign + "0." + new string('0', -d.Exponent - 1) + digits;
        }

        int integerDigits = d.Exponent + 1;
        return digits.Length > integerDigits
            ? sign + digits[..integerDigits] + "." + digits[integerDigits..]
            : sign + digits.PadRight(integerDigits, '0') + ".0";
    }

    /// <summary>Each element as NumPy prints it inside this array (shared notation and digits), unpadded.</summary>
    internal static string[] Cells(double[] values)
    {
        var format = new FloatFormat(values);
        return values.Select(v => format.Format(v).Trim()).ToArray();
    }

    private static string Floats(int[] shape, double[] data) =>
        ArrayLayout.Format(new NdArray<double>(shape, data), values => new FloatFormat(values));

    private static string Ints(int[] shape, long[] data) =>
        ArrayLayout.Format(new NdArray<long>(shape, data), values => new IntFormat(values));
}
