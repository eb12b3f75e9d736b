using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Engine.Formats;

/// <summary>Reads nbformat 4 JSON, checking what the runner relies on and nothing more.</summary>
public static class IpynbReader
{
    public static Notebook Parse(string text, string path = "")
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and bytes from 0; editors count from 1.
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new NotebookFormatException(path, "invalid JSON: " + FirstSentence(e.Message), line, column);
        }

        if (root is not JsonObject obj)
        {
            throw new NotebookFormatException(path, "not a notebook: the JSON document is not an object");
        }

        var nbformat = obj["nbformat"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
        if (nbformat != 4)
        {
            var found = obj["nbformat"]?.ToJsonString() ?? "missing";
            throw new NotebookFormatException(path, $"unsupported nbformat {found}: this runner reads nbformat 4");
        }

        if (obj["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException(path, "not a notebook: no \"cells\" list");
        }

        for (var i = 0; i < cells.Count; i++)
        {
            CheckCell(cells[i], i, path);
        }

        return new Notebook(obj, NotebookFormat.Ipynb, JsonStyle.Detect(text), path);
    }

    private static void CheckCell(JsonNode? node, int index, string path)
    {
        var where = $"cell {index + 1}";
        if (node is not JsonObject cell)
        {
            throw new NotebookFormatException(path, $"{where} is not a JSON object");
        }

        if (cell["cell_type"] is not JsonValue type || !type.TryGetValue<string>(out _))
        {
            throw new NotebookFormatException(path, $"{where} has no \"cell_type\"");
        }

        if (!cell.ContainsKey("source"))
        {
            throw new NotebookFormatException(path, $"{where} has no \"source\"");
        }

        if (MultilineString.FromJson(cell["source"]) is null)
        {
            throw new NotebookFormatException(path, $"{where}: \"source\" is neither a string nor a list of strings");
        }

        if (cell["outputs"] is { } outputs && outputs is not JsonArray)
        {
            throw new NotebookFormatException(path, $"{where}: \"outputs\" is not a list");
        }
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own 0-based position and a JSON path; the 1-based one is in front already.
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }
}
