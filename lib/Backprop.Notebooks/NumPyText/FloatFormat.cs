using System.Globalization;

namespace Backprop.Notebooks.NumPyText;

/// <summary>
/// How NumPy prints each float64 of one array with the default print options (precision 8,
/// suppress=False): one notation and one column width for the whole array, so the points line up.
/// </summary>
internal sealed class FloatFormat : IElementFormat<double>
{
    private const int Precision = 8;

    private readonly bool _scientific;
    private readonly int _fractionDigits;   // scientific: every mantissa gets exactly this many
    private readonly int _exponentDigits;
    private readonly int _padLeft;          // width of the part before the point, sign included
    private readonly int _padRight;         // width of the part after the point

    public FloatFormat(IEnumerable<double> values)
    {
        double[] all = values.ToArray();
        double[] finite = all.Where(double.IsFinite).ToArray();
        bool anyNonFinite = finite.Length < all.Length;
        bool negativeInfinity = all.Any(double.IsNegativeInfinity);

        // NumPy switches the whole array to scientific when fixed notation would hide digits:
        // a value ≥ 1e8, a non-zero value below 1e-4, or a spread of more than three decades.
        double[] magnitudes = finite.Where(v => v != 0).Select(Math.Abs).ToArray();
        if (magnitudes.Length > 0)
        {
            double max = magnitudes.Max();
            double min = magnitudes.Min();
            _scientific = max >= 1e8 || min < 1e-4 || max / min > 1e3;
        }

        if (finite.Length == 0)
        {
            _padLeft = 0;
            _padRight = 0;
        }
        else if (_scientific)
        {
            DecimalDigits[] digits = finite.Select(v => v == 0 ? new DecimalDigits("0", 0) : DecimalDigits.Scientific(Math.Abs(v), Precision)).ToArray();
            _fractionDigits = digits.Max(d => d.Digits.Length - 1);
            _exponentDigits = Math.Max(2, digits.Max(d => Math.Abs(d.Exponent).ToString(CultureInfo.InvariantCulture).Length));
            _padLeft = finite.Any(double.IsNegative) ? 2 : 1;
            _padRight = _fractionDigits + 2 + _exponentDigits;
        }
        else
        {
            string[] texts = finite.Select(Positional).ToArray();
            _padLeft = texts.Max(t => t.IndexOf('.'));
            _padRight = texts.Max(t => t.Length - t.IndexOf('.') - 1);
        }

        if (anyNonFinite)
        {
            // "nan", "inf" and "-inf" are right-aligned in the column, which widens to fit them.
            int offset = _padRight + 1;
            _padLeft = Math.Max(_padLeft, Math.Max(3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset));
        }
    }

    public string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            string text = double.IsNaN(value) ? "nan" : value < 0 ? "-inf" : "inf";
            return text.PadLeft(_padLeft + _padRight + 1);
        }

        if (_scientific)
        {
            return Scientific(value).PadLeft(_padLeft + _padRight + 1);
        }

        string positional = Positional(value);
        int point = positional.IndexOf('.');
        return new string(' ', _padLeft - point) + positional + new string(' ', _padRight - (positional.Length - point - 1));
    }

    /// <summary>Shortest digits, at most 8 after the point, trailing zeros dropped but the point kept: "19.", "-0.", "0.5".</summary>
    private static string Positional(double value)
    {
        string sign = double.IsNegative(value) ? "-" : "";
        if (value == 0)
        {
            return sign + "0.";
        }

        DecimalDigits? rounded = DecimalDigits.Positional(Math.Abs(value), Precision);
        if (rounded is not { } d)
        {
            return sign + "0.";
        }

        string digits = d.Digits;
        if (d.Exponent < 0)
        {
            return sign + "0." + new string('0', -d.Exponent - 1) + digits;
        }

        string integer = digits.Length > d.Exponent + 1 ? digits[..(d.Exponent + 1)] : digits.PadRight(d.Exponent + 1, '0');
        string fraction = digits.Length > d.Exponent + 1 ? digits[(d.Exponent + 1)..] : "";
        return sign + integer + "." + fraction;
    }

    /// <summary>Mantissa with exactly the array's fraction digits, exponent with at least two: "1.5e-05".</summary>
    private string Scientific(double value)
    {
        string sign = double.IsNegative(value) ? "-" : "";
        DecimalDigits d = value == 0 ? new DecimalDigits("0", 0) : DecimalDigits.Scientific(Math.Abs(value), Precision);
        string fraction = d.Digits[1..].PadRight(_fractionDigits, '0');
        string exponent = Math.Abs(d.Exponent).ToString(CultureInfo.InvariantCulture).PadLeft(_exponentDigits, '0');
        return sign + d.Digits[0] + "." + fraction + "e" + (d.Exponent < 0 ? "-" : "+") + exponent;
    }
}
