using System.Text.RegularExpressions;

namespace NotebookRunner;

/// <summary>
/// Orders file names the way chapters read: "5.4" before "5.10", digits compared as numbers. (.NET 10's
/// CompareOptions.NumericOrdering would do this, but not under InvariantGlobalization, where it compares "5.10" first.)
/// </summary>
public sealed partial class NaturalOrder : IComparer<string>
{
    public static NaturalOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var byKey = string.Compare(Key(x ?? ""), Key(y ?? ""), StringComparison.OrdinalIgnoreCase);
        return byKey != 0 ? byKey : string.CompareOrdinal(x, y);
    }

    // Every run of digits padded to one width, so that comparing text compares numbers.
    private static string Key(string name) => Digits().Replace(name, m => m.Value.TrimStart('0').PadLeft(30, '0'));

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
