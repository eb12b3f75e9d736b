using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks.Display;

/// <summary>
/// XML documentation comments as the text they stand for, for a reader of the source pane:
/// <c>/// dx = dout where x &amp;gt; 0</c> reads "/// dx = dout where x &gt; 0", a
/// <c>&lt;see cref="Backward"/&gt;</c> reads "Backward", and lines that held only a tag such as
/// <c>&lt;summary&gt;</c> go. Every other line is left exactly as it was.
/// </summary>
internal static partial class DocComments
{
    /// <summary>The code with each run of <c>///</c> lines replaced by its text.</summary>
    public static string AsText(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string[] lines = code.Split('\n');
        var result = new StringBuilder(code.Length);
        int i = 0;
        while (i < lines.Length)
        {
            Match first = DocLine().Match(lines[i]);
            if (!first.Success)
            {
                Append(result, lines[i]);
                i++;
                continue;
            }

            // A block: the consecutive /// lines, read as one piece so that a tag may span lines.
            string indent = first.Groups["indent"].Value;
            var body = new List<string>();
            for (; i < lines.Length && DocLine().Match(lines[i]) is { Success: true } m; i++)
            {
                body.Add(m.Groups["text"].Value.TrimEnd('\r'));
            }

            foreach (string text in Paragraphs(ToText(string.Join("\n", body))))
            {
                Append(result, text.Length == 0 ? indent + "///" : indent + "/// " + text);
            }
        }

        return result.ToString();
    }

    /// <summary>The text of a documentation comment's XML: tags dropped or replaced by the names they refer to.</summary>
    internal static string ToText(string xml)
    {
        string text = Reference().Replace(xml, m => Name(m.Groups["name"].Value));
        text = Section().Replace(text, m => m.Groups["tag"].Value switch
        {
            "param" or "typeparam" => m.Groups["name"].Value + ": ",
            "exception" => Name(m.Groups["name"].Value) + ": ",
            "returns" => Errors.DocReturns,
            _ => "",
        });
        return WebUtility.HtmlDecode(AnyTag().Replace(text, ""));
    }

    /// <summary>Lines of text, trimmed, with runs of blank lines (where section tags stood) as one blank line.</summary>
    private static IEnumerable<string> Paragraphs(string text)
    {
        bool pendingBlank = false;
        bool any = false;
        foreach (string line in text.Split('\n').Select(l => l.Trim()))
        {
            if (line.Length == 0)
            {
                pendingBlank = any;
                continue;
            }

            if (pendingBlank)
            {
                yield return "";
            }

            pendingBlank = false;
            any = true;
            yield return line;
        }
    }

    /// <summary>
    /// A cref as a reader would write it: no "M:" prefix, no parameter list, <c>{T}</c> as &lt;T&gt;
    /// (written as entities here, so that the tag removal that follows keeps them).
    /// </summary>
    private static string Name(string cref)
    {
        string name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        int parameters = name.IndexOf('(', StringComparison.Ordinal);
        return (parameters >= 0 ? name[..parameters] : name).Replace("{", "&lt;", StringComparison.Ordinal).Replace("}", "&gt;", StringComparison.Ordinal);
    }

    private static void Append(StringBuilder result, string line)
    {
        if (result.Length > 0)
        {
            result.Append('\n');
        }

        result.Append(line);
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)///(?!/) ?(?<text>.*)$")]
    private static partial Regex DocLine();

    /// <summary>Self-closing references: see, seealso, paramref, typeparamref, by cref, name or langword.</summary>
    [GeneratedRegex("""<(?:see|seealso|paramref|typeparamref)\s+(?:cref|name|langword|href)\s*=\s*"(?<name>[^"]*)"\s*/>""")]
    private static partial Regex Reference();

    [GeneratedRegex("""<(?<tag>param|typeparam|exception|returns)(?:\s+(?:name|cref)\s*=\s*"(?<name>[^"]*)")?\s*>""")]
    private static partial Regex Section();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")]
    private static partial Regex AnyTag();
}
