using System.Text;

namespace TexMath;

/// <summary>Maps letters and digits to the Unicode characters of a <see cref="MathAlphabet"/>.</summary>
internal static class MathAlphabets
{
    // First capital, first small letter and first digit of each style (0 where the style has no digits).
    private static readonly Dictionary<MathAlphabet, (int Capital, int Small, int Digit)> Starts = new()
    {
        [MathAlphabet.Bold] = (0x1D400, 0x1D41A, 0x1D7CE),
        [MathAlphabet.Italic] = (0x1D434, 0x1D44E, 0),
        [MathAlphabet.BoldItalic] = (0x1D468, 0x1D482, 0),
        [MathAlphabet.Script] = (0x1D49C, 0x1D4B6, 0),
        [MathAlphabet.Fraktur] = (0x1D504, 0x1D51E, 0),
        [MathAlphabet.DoubleStruck] = (0x1D538, 0x1D552, 0x1D7D8),
        [MathAlphabet.SansSerif] = (0x1D5A0, 0x1D5BA, 0x1D7E2),
        [MathAlphabet.Monospace] = (0x1D670, 0x1D68A, 0x1D7F6),
    };

    private static readonly Dictionary<(MathAlphabet, char), string> Holes = new()
    {
        [(MathAlphabet.Italic, 'h')] = "ℎ",
        [(MathAlphabet.Script, 'B')] = "ℬ", [(MathAlphabet.Script, 'E')] = "ℰ", [(MathAlphabet.Script, 'F')] = "ℱ",
        [(MathAlphabet.Script, 'H')] = "ℋ", [(MathAlphabet.Script, 'I')] = "ℐ", [(MathAlphabet.Script, 'L')] = "ℒ",
        [(MathAlphabet.Script, 'M')] = "ℳ", [(MathAlphabet.Script, 'R')] = "ℛ", [(MathAlphabet.Script, 'e')] = "ℯ",
        [(MathAlphabet.Script, 'g')] = "ℊ", [(MathAlphabet.Script, 'o')] = "ℴ",
        [(MathAlphabet.Fraktur, 'C')] = "ℭ", [(MathAlphabet.Fraktur, 'H')] = "ℌ", [(MathAlphabet.Fraktur, 'I')] = "ℑ",
        [(MathAlphabet.Fraktur, 'R')] = "ℜ", [(MathAlphabet.Fraktur, 'Z')] = "ℨ",
        [(MathAlphabet.DoubleStruck, 'C')] = "ℂ", [(MathAlphabet.DoubleStruck, 'H')] = "ℍ", [(MathAlphabet.DoubleStruck, 'N')] = "ℕ",
        [(MathAlphabet.DoubleStruck, 'P')] = "ℙ", [(MathAlphabet.DoubleStruck, 'Q')] = "ℚ", [(MathAlphabet.DoubleStruck, 'R')] = "ℝ",
        [(MathAlphabet.DoubleStruck, 'Z')] = "ℤ",
    };

    /// <summary>The text in the given style; characters the style does not cover (Greek, punctuation) stay as they are.</summary>
    public static string Apply(MathAlphabet alphabet, string text)
    {
        if (!Starts.TryGetValue(alphabet, out var start))
        {
            return text;
        }

        var styled = new StringBuilder();
        foreach (var c in text)
        {
            styled.Append(
                Holes.TryGetValue((alphabet, c), out var hole) ? hole
                : char.IsAsciiLetterUpper(c) ? char.ConvertFromUtf32(start.Capital + c - 'A')
                : char.IsAsciiLetterLower(c) ? char.ConvertFromUtf32(start.Small + c - 'a')
                : char.IsAsciiDigit(c) && start.Digit != 0 ? char.ConvertFromUtf32(start.Digit + c - '0')
                : c.ToString());
        }

        return styled.ToString();
    }
}
