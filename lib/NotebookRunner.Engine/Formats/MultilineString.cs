using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// nbformat's "multiline string": either one string or a list of lines, each but the last ending in "\n".
/// VS Code always writes the list form and drops a trailing empty line.
/// </summary>
public static partial class MultilineString
{
    public static JsonArray ToJson(string text) => new(Lines().Matches(text).Select(line => (JsonNode?)line.Value).ToArray());

    /// <summary>Reads either form; null when the node is neither a string nor a list of strings.</summary>
    public static string? FromJson(JsonNode? node) => node switch
    {
        JsonValue value when IsString(value) => value.GetValue<string>(),
        JsonArray lines when lines.All(IsString) => string.Concat(lines.Select(line => line!.GetValue<string>())),
        _ => null,
    };

    private static bool IsString(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String;

    [GeneratedRegex("[^\n]*\n|[^\n]+")]
    private static partial Regex Lines();
}
