using System.Globalization;
using System.Text.RegularExpressions;
using Backprop.Notebooks.Display;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks;

/// <summary>
/// Chosen members of a type in a source file, cut out with their comments and attributes, so a notebook
/// can show <c>Forward</c> and <c>Backward</c> without the argument checks around them. The library's files
/// are small and plainly written, so brace counting over the code (comments and strings blanked out)
/// finds the members; no compiler is needed.
/// </summary>
internal static partial class SourceMembers
{
    /// <summary>One member: its name and where it is in the file, from its first comment line to the end of its last line.</summary>
    internal sealed record Member(string Name, int Start, int End);

    /// <summary>
    /// The members called <paramref name="names"/> (every overload of each), in the order asked for,
    /// with the indentation they share removed and a blank line between them.
    /// </summary>
    /// <exception cref="ArgumentException">A name that is not a member; the message lists the members there are.</exception>
    public static string Extract(string code, string typeName, IReadOnlyList<string> names)
    {
        IReadOnlyList<Member> members = Of(code, typeName);
        var parts = new List<string>();
        foreach (string name in names)
        {
            var found = members.Where(m => m.Name == name).ToList();
            if (found.Count == 0)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, Strings.SourceMemberNotFound, typeName, name, string.Join(", ", members.Select(m => m.Name).Distinct())),
                    nameof(names));
            }

            parts.AddRange(found.Select(m => code[m.Start..m.End]));
        }

        return Dedent(string.Join("\n\n", parts.Select(p => p.TrimEnd())));
    }

    /// <summary>The members declared directly in <paramref name="typeName"/>'s body, in file order.</summary>
    internal static IReadOnlyList<Member> Of(string code, string typeName)
    {
        string masked = CSharpHighlighter.CodeOnly(code);
        Match type = new Regex($@"\b(?:class|struct|record|interface)\s+{Regex.Escape(typeName)}\b").Match(masked);
        int open = type.Success ? masked.IndexOf('{', type.Index) : -1;
        if (open < 0)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, Strings.SourceTypeNotFound, typeName), nameof(typeName));
        }

        var members = new List<Member>();
        int start = NextLine(masked, open);
        int depth = 0;
        for (int i = open + 1; i < masked.Length; i++)
        {
            char c = masked[i];
            if (c == '{')
            {
                depth++;
                continue;
            }

            if (c == '}' && depth == 0)
            {
                break; // the end of the type
            }

            if (c == '}')
            {
                // A body closed; the member ends here unless an initialiser or expression goes on.
                if (--depth > 0 || ContinuesAfterBody(masked, i + 1))
                {
                    continue;
                }
            }
            else if (c != ';' || depth > 0)
            {
                continue;
            }

            string? name = NameOf(masked[start..(i + 1)]);
            if (name is not null)
            {
                members.Add(new Member(name, SkipBlankLines(code, start), LineEnd(code, i)));
            }

            start = NextLine(masked, i);
        }

        return members;
    }

    /// <summary>
    /// The declared name: the last identifier before the parameter list, body, arrow, initialiser or
    /// semicolon, with attributes and generic parameters set aside.
    /// </summary>
    private static string? NameOf(string maskedMember)
    {
        string header = Attributes().Replace(maskedMember, "");
        int cut = header.IndexOfAny(['(', '{', '=', ';']);
        header = cut >= 0 ? header[..cut] : header;
        header = TypeParameters().Replace(header, "");
        Match name = LastIdentifier().Match(header);
        return name.Success ? name.Groups[1].Value : null;
    }

    /// <summary>After a closing brace: a property initialiser (<c>{ get; } = 1;</c>) or an expression goes on.</summary>
    private static bool ContinuesAfterBody(string masked, int from)
    {
        int i = from;
        while (i < masked.Length && char.IsWhiteSpace(masked[i]))
        {
            i++;
        }

        return i < masked.Length && masked[i] is '=' or ';' or ',' or ')' or '.';
    }

    private static int NextLine(string text, int at)
    {
        int newline = text.IndexOf('\n', at);
        return newline < 0 ? text.Length : newline + 1;
    }

    /// <summary>The end of the line that holds <paramref name="at"/>, so a comment after the code comes along.</summary>
    private static int LineEnd(string text, int at)
    {
        int newline = text.IndexOf('\n', at);
        return newline < 0 ? text.Length : newline;
    }

    private static int SkipBlankLines(string text, int at)
    {
        int i = at;
        while (i < text.Length)
        {
            int end = LineEnd(text, i);
            if (!string.IsNullOrWhiteSpace(text[i..end]))
            {
                break;
            }

            i = end + 1;
        }

        return Math.Min(i, text.Length);
    }

    private static string Dedent(string text)
    {
        string[] lines = text.Split('\n');
        int common = lines.Where(l => l.Trim().Length > 0).Select(l => l.TakeWhile(c => c == ' ').Count()).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= common ? l[common..] : l.TrimStart(' ')));
    }

    [GeneratedRegex(@"^\s*(?:\[[^\]]*\]\s*)+")]
    private static partial Regex Attributes();

    [GeneratedRegex(@"<[^<>]*>\s*$")]
    private static partial Regex TypeParameters();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)\s*$")]
    private static partial Regex LastIdentifier();
}
