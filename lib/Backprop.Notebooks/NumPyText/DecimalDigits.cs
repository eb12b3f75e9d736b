using System.Globalization;
using System.Numerics;

namespace Backprop.Notebooks.NumPyText;

/// <summary>
/// The decimal digits of a positive finite double, d₀.d₁d₂… × 10^<see cref="Exponent"/>, with no
/// trailing zeros. Both NumPy (Dragon4 in "unique" mode) and Python's float repr print the shortest
/// digit string that reads back as the same double; when a precision cuts that string short, they
/// round the double's exact binary value (not the shortest string) half to even.
/// </summary>
internal readonly record struct DecimalDigits(string Digits, int Exponent)
{
    /// <summary>The shortest round-trip digits (.NET Core 3.0+ "R" is the shortest, closest string).</summary>
    public static DecimalDigits Shortest(double x)
    {
        string shortest = x.ToString("R", CultureInfo.InvariantCulture);
        // "R" may be positional ("123.45") or scientific ("1.2345E+20"); rebuild it from the mantissa.
        int e = shortest.IndexOf('E');
        string mantissa = e < 0 ? shortest : shortest[..e];
        int exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.');
        string intPart = point < 0 ? mantissa : mantissa[..point];
        string all = point < 0 ? mantissa : intPart + mantissa[(point + 1)..];
        int leadingZeros = all.Length - all.TrimStart('0').Length;
        string digits = all.Trim('0');
        return new DecimalDigits(digits, exponent + intPart.Length - 1 - leadingZeros);
    }

    /// <summary>
    /// x rounded to <paramref name="fractionDigits"/> digits after the point (may be negative: tens,
    /// hundreds…), from its exact binary value with ties to even; null when that rounds to zero.
    /// </summary>
    public static DecimalDigits? RoundedAt(double x, int fractionDigits)
    {
        BigInteger n = RoundScaled(x, fractionDigits);
        if (n.IsZero)
        {
            return null;
        }

        string s = n.ToString(CultureInfo.InvariantCulture);
        string digits = s.TrimEnd('0');
        return new DecimalDigits(digits, s.Length - 1 - fractionDigits);
    }

    /// <summary>Rounds the shortest digits to at most <paramref name="fractionDigits"/> after the point.</summary>
    public static DecimalDigits? Positional(double x, int fractionDigits)
    {
        DecimalDigits shortest = Shortest(x);
        return shortest.Digits.Length - 1 - shortest.Exponent <= fractionDigits
            ? shortest
            : RoundedAt(x, fractionDigits);
    }

    /// <summary>Rounds the shortest digits to at most 1 + <paramref name="fractionDigits"/> significant digits.</summary>
    public static DecimalDigits Scientific(double x, int fractionDigits)
    {
        DecimalDigits shortest = Shortest(x);
        if (shortest.Digits.Length - 1 <= fractionDigits)
        {
            return shortest;
        }

        // Rounding 9.999… up carries into a new leading digit: RoundedAt then reports the larger exponent.
        return RoundedAt(x, fractionDigits - shortest.Exponent)!.Value;
    }

    /// <summary>round(x · 10^k) from the exact value m · 2^e of x, ties to even.</summary>
    private static BigInteger RoundScaled(double x, int k)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger m = biased == 0 ? fraction : fraction | (1L << 52);
        int e = (biased == 0 ? 1 : biased) - 1075;

        BigInteger numerator = m;
        BigInteger denominator = BigInteger.One;
        if (k >= 0)
        {
            numerator *= BigInteger.Pow(10, k);
        }
        else
        {
            denominator *= BigInteger.Pow(10, -k);
        }

        if (e >= 0)
        {
            numerator <<= e;
        }
        else
        {
            denominator <<= -e;
        }

        BigInteger q = BigInteger.DivRem(numerator, denominator, out BigInteger r);
        int half = (2 * r).CompareTo(denominator);
        return half > 0 || (half == 0 && !q.IsEven) ? q + 1 : q;
    }
}
