using System.Text.Json.Nodes;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// nbformat's "multiline string": either one string or a list of lines, each but the last ending in "\n".
/// VS Code always writes the list form and drops a trailing empty line.
/// </summary>
public static class MultilineString
{
    public static JsonArray ToJson(string text)
    {
        var array = new JsonArray();
        foreach (var line in SplitLines(text))
        {
            array.Add(line);
        }

        return array;
    }

    public static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                yield return text[start..];
                yield break;
            }

            yield return text[start..(end + 1)];
            start = end + 1;
        }
    }

    /// <summary>Reads either form; null when the node is neither a string nor a list of strings.</summary>
    public static string? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var s):
                return s;
            case JsonArray array:
                var parts = new string[array.Count];
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is not JsonValue part || !part.TryGetValue<string>(out var line))
                    {
                        return null;
                    }

                    parts[i] = line;
                }

                return string.Concat(parts);
            default:
                return null;
        }
    }
}
