namespace Backprop.Notebooks.Display;

/// <summary>
/// An estimate of rendered text width, without font metrics: per-character advances in em, taken a
/// little wide (DejaVu Sans, the Linux default, is wider than Arial) so labels never collide; Korean and
/// Japanese characters a full em.
/// </summary>
internal static class TextWidth
{
    public static double Of(string text, double fontSize) => text.Sum(Advance) * fontSize;

    /// <summary>Columns in a monospaced font: a Korean or Japanese character takes two, as terminals draw it.</summary>
    public static int Columns(string text) => text.Sum(c => IsWide(c) ? 2 : 1);

    /// <summary>
    /// Rows in aligned columns, two spaces apart, each column as wide as its widest cell in terminal columns (so a
    /// Korean or Japanese cell lines up too), one line a row, no trailing spaces.
    /// </summary>
    public static string Table(IReadOnlyList<string[]> rows)
    {
        int[] widths = Enumerable.Range(0, rows.Select(row => row.Length).DefaultIfEmpty().Max())
            .Select(c => rows.Where(row => c < row.Length).Max(row => Columns(row[c]))).ToArray();
        return string.Concat(rows.Select(row =>
            string.Join("  ", row.Select((value, c) => value + new string(' ', widths[c] - Columns(value)))).TrimEnd() + Environment.NewLine));
    }

    private static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u11FF' or >= '\u3000' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uFF00' and <= '\uFF60';

    private static double Advance(char c) => c switch
    {
        >= '0' and <= '9' => 0.64,
        '.' or ',' or ':' or ';' or ' ' or '!' or '\'' => 0.32,
        '-' or '(' or ')' or '[' or ']' => 0.4,
        'i' or 'j' or 'l' or 'f' or 't' or 'r' => 0.4,
        'm' or 'w' or 'M' or 'W' => 0.95,
        >= 'A' and <= 'Z' => 0.72,
        >= 'a' and <= 'z' => 0.62,
        '×' or '+' or '÷' or '−' or '=' or '<' or '>' => 0.84,
        '∂' or 'σ' => 0.62,
        _ when IsWide(c) => 1.0,  // Hangul, kana, CJK ideographs: the editions' legends and labels, a whole em each
        _ => 0.7,
    };
}
