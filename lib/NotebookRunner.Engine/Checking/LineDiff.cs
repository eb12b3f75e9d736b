using System.Text;
using DiffPlex;
using DiffPlex.Renderer;

namespace NotebookRunner.Engine.Checking;

/// <summary>
/// A unified diff of stored against fresh output lines (DiffPlex's renderer, two lines of context), indented, with a
/// space after each line's mark ("- stored", "+ fresh") and very long lines shortened.
/// </summary>
public static class LineDiff
{
    private const int Context = 2;
    private const int LongestLine = 200;

    private static readonly UnidiffRenderer Renderer = new(Differ.Instance, Context);

    public static string Format(IReadOnlyList<string> stored, IReadOnlyList<string> fresh, string indent = "    ")
    {
        // DiffPlex splits whole texts at '\n'; a line of ours never holds one.
        var unidiff = Renderer.Generate(string.Join('\n', stored), string.Join('\n', fresh), "stored", "fresh", ignoreWhitespace: false, ignoreCase: false);
        var text = new StringBuilder();
        foreach (var line in unidiff.Split('\n').Skip(2).Where(l => l.Length > 0))
        {
            // "@@ -3,5 +3,5 @@" says where a hunk is; every other line is a mark (' ', '-', '+') and the line.
            text.Append(indent).AppendLine(line.StartsWith("@@", StringComparison.Ordinal) ? line : $"{line[0]} {Shorten(line[1..])}");
        }

        return text.ToString();
    }

    private static string Shorten(string line) => line.Length <= LongestLine ? line : line[..LongestLine] + " …";
}
