namespace NotebookRunner;

/// <summary>Orders file names the way chapters read: "5.4" before "5.10", digits compared as numbers.</summary>
public sealed class NaturalOrder : IComparer<string>
{
    public static NaturalOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        x ??= "";
        y ??= "";
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (a, nextI) = Number(x, i);
                var (b, nextJ) = Number(y, j);
                var byNumber = a.CompareTo(b);
                if (byNumber != 0)
                {
                    return byNumber;
                }

                (i, j) = (nextI, nextJ);
                continue;
            }

            var byChar = char.ToLowerInvariant(x[i]).CompareTo(char.ToLowerInvariant(y[j]));
            if (byChar != 0)
            {
                return byChar;
            }

            i++;
            j++;
        }

        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    private static (decimal Value, int Next) Number(string s, int start)
    {
        var end = start;
        while (end < s.Length && char.IsAsciiDigit(s[end]))
        {
            end++;
        }

        var digits = s[start..Math.Min(end, start + 20)];
        return (decimal.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), end);
    }
}
