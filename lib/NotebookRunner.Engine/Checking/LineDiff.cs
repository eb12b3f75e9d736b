using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace NotebookRunner.Engine.Checking;

/// <summary>A line diff (DiffPlex) printed as "- stored" / "+ fresh", with two lines of context around each change.</summary>
public static class LineDiff
{
    private const int Context = 2;

    public static string Format(IReadOnlyList<string> stored, IReadOnlyList<string> fresh, string indent = "    ")
    {
        var edits = Edits(stored, fresh);
        var text = new StringBuilder();
        var lastShown = -1;
        for (var k = 0; k < edits.Count; k++)
        {
            var from = Math.Max(0, k - Context);
            var to = Math.Min(edits.Count - 1, k + Context);
            if (!edits.Skip(from).Take(to - from + 1).Any(e => e.Kind != ' '))
            {
                continue;
            }

            if (lastShown >= 0 && k > lastShown + 1)
            {
                text.Append(indent).AppendLine("...");
            }

            text.Append(indent).Append(edits[k].Kind).Append(' ').AppendLine(Shorten(edits[k].Line));
            lastShown = k;
        }

        return text.ToString();
    }

    /// <summary>Every line as kept (' '), removed from the stored outputs ('-') or added by the fresh run ('+').</summary>
    private static List<(char Kind, string Line)> Edits(IReadOnlyList<string> stored, IReadOnlyList<string> fresh)
    {
        // DiffPlex compares whole strings split at a separator; a line of ours never holds '\n'.
        DiffResult diff = Differ.Instance.CreateLineDiffs(string.Join('\n', stored), string.Join('\n', fresh), ignoreWhitespace: false);
        var edits = new List<(char, string)>();
        int a = 0, b = 0;
        foreach (DiffBlock block in diff.DiffBlocks)
        {
            while (a < block.DeleteStartA)
            {
                edits.Add((' ', stored[a++]));
                b++;
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                edits.Add(('-', stored[a++]));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                edits.Add(('+', fresh[b++]));
            }
        }

        while (a < stored.Count)
        {
            edits.Add((' ', stored[a++]));
        }

        return edits;
    }

    private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + " …";
}
