using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// Writes a <see cref="JsonNode"/> exactly as JavaScript's <c>JSON.stringify(value, null, indent)</c> does, which is
/// what VS Code uses for .ipynb files. System.Text.Json's own writer escapes differently (non-ASCII, '&lt;', '+'),
/// so a round trip through it would rewrite every file.
/// </summary>
public static class JsonText
{
    public static string Write(JsonNode? node, JsonStyle style)
    {
        var text = new StringBuilder();
        Write(text, node, style, 0);
        return (style.FinalNewLine ? text.Append(style.NewLine) : text).ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node, JsonStyle style, int depth)
    {
        switch (node)
        {
            case JsonObject obj:
                WriteMembers(text, "{}", obj.Select(p => ((string?)p.Key, p.Value)), style, depth);
                break;
            case JsonArray array:
                WriteMembers(text, "[]", array.Select(v => ((string?)null, v)), style, depth);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            default:
                // Numbers keep the digits the file had; true, false and null are canonical already.
                text.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }

    // One member a line, a level deeper than the brackets; an empty object or array is just its brackets.
    private static void WriteMembers(StringBuilder text, string brackets, IEnumerable<(string? Key, JsonNode? Value)> members, JsonStyle style, int depth)
    {
        text.Append(brackets[0]);
        var first = true;
        foreach (var (key, value) in members)
        {
            NewLine(text.Append(first ? "" : ","), style, depth + 1);
            first = false;
            if (key is not null)
            {
                WriteString(text, key);
                text.Append(": ");
            }

            Write(text, value, style, depth + 1);
        }

        if (!first)
        {
            NewLine(text, style, depth);
        }

        text.Append(brackets[1]);
    }

    private static void NewLine(StringBuilder text, JsonStyle style, int depth) =>
        text.Append(style.NewLine).Append(string.Concat(Enumerable.Repeat(style.Indent, depth)));

    /// <summary>JSON.stringify's string quoting: only quote, backslash, control characters and lone surrogates are escaped.</summary>
    public static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                text.Append(c).Append(s[++i]);
            }
            else if (c is '"' or '\\' or < ' ' || char.IsSurrogate(c))
            {
                text.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                });
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
    }
}

/// <summary>
/// How a notebook's JSON text was laid out, so that writing it back reproduces the same bytes:
/// VS Code writes <c>JSON.stringify(notebook, null, indent)</c> with a one-space indent and a final newline.
/// </summary>
public sealed partial record JsonStyle(string Indent, string NewLine, bool FinalNewLine)
{
    public static JsonStyle VsCode { get; } = new(" ", "\n", true);

    /// <summary>The layout of existing text (its indent is the second line's); VS Code's for what it cannot show.</summary>
    public static JsonStyle Detect(string text) => new(
        SecondLineIndent().Match(text) is { Success: true } indent ? indent.Groups[1].Value : VsCode.Indent,
        text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n",
        text.EndsWith('\n'));

    [GeneratedRegex(@"\A[^\n]*\n([ \t]+)")]
    private static partial Regex SecondLineIndent();
}
