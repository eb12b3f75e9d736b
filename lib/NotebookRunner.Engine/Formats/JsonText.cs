using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

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
        if (style.FinalNewLine)
        {
            text.Append(style.NewLine);
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node, JsonStyle style, int depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    text.Append("{}");
                    break;
                }

                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    NewLine(text, style, depth + 1);
                    WriteString(text, key);
                    text.Append(": ");
                    Write(text, value, style, depth + 1);
                }

                NewLine(text, style, depth);
                text.Append('}');
                break;
            case JsonArray array:
                if (array.Count == 0)
                {
                    text.Append("[]");
                    break;
                }

                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    NewLine(text, style, depth + 1);
                    Write(text, array[i], style, depth + 1);
                }

                NewLine(text, style, depth);
                text.Append(']');
                break;
            case JsonValue value:
                WriteValue(text, value);
                break;
        }
    }

    private static void NewLine(StringBuilder text, JsonStyle style, int depth)
    {
        text.Append(style.NewLine);
        for (var i = 0; i < depth; i++)
        {
            text.Append(style.Indent);
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    WriteString(text, element.GetString()!);
                    return;
                default:
                    // Numbers keep the digits the file had; true/false/null are already canonical.
                    text.Append(element.GetRawText());
                    return;
            }
        }

        if (value.TryGetValue<string>(out var s))
        {
            WriteString(text, s);
        }
        else if (value.TryGetValue<bool>(out var b))
        {
            text.Append(b ? "true" : "false");
        }
        else if (value.TryGetValue<double>(out var d))
        {
            text.Append(d.ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append(value.ToJsonString());
        }
    }

    /// <summary>JSON.stringify's string quoting: only quote, backslash and control characters are escaped.</summary>
    public static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 || IsLoneSurrogate(s, i))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private static bool IsLoneSurrogate(string s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
    }
}
