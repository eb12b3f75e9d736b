using System.Text;

namespace NotebookRunner.Engine.Checking;

/// <summary>A line diff (longest common subsequence) printed as "- stored" / "+ fresh", with a little context.</summary>
public static class LineDiff
{
    private const int Context = 2;

    public static string Format(IReadOnlyList<string> stored, IReadOnlyList<string> fresh, string indent = "    ")
    {
        var n = stored.Count;
        var m = fresh.Count;
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = stored[i] == fresh[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<(char Kind, string Line)>();
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && stored[a] == fresh[b])
            {
                edits.Add((' ', stored[a++]));
                b++;
            }
            else if (b < m && (a == n || common[a, b + 1] >= common[a + 1, b]))
            {
                edits.Add(('+', fresh[b++]));
            }
            else
            {
                edits.Add(('-', stored[a++]));
            }
        }

        var text = new StringBuilder();
        var lastShown = -1;
        for (var k = 0; k < edits.Count; k++)
        {
            var near = Enumerable.Range(Math.Max(0, k - Context), Math.Min(edits.Count, k + Context + 1) - Math.Max(0, k - Context))
                .Any(x => edits[x].Kind != ' ');
            if (!near)
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

    private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + " …";
}
