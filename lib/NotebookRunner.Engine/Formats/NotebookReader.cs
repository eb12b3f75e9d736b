using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// Reads a .ipynb (nbformat 4 JSON, checking what the runner relies on and nothing more) or a .dib file, turning
/// anything unreadable into a <see cref="NotebookFormatException"/>.
/// </summary>
public static partial class NotebookReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsNotebookPath(string path) =>
        path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a file; errors name the path as given, the notebook keeps its absolute path.</summary>
    public static Notebook Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, "cannot read the file: " + e.Message);
        }

        var notebook = Parse(bytes, path);

        // Kept absolute: the runner changes the working directory while notebooks run.
        return new Notebook(notebook.Root, notebook.Format, notebook.Style, System.IO.Path.GetFullPath(path));
    }

    public static Notebook Parse(byte[] bytes, string path)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new NotebookFormatException(path, "not a text file (it contains NUL bytes)");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new NotebookFormatException(path, "not a text file (it is not valid UTF-8)");
        }

        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        return path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase) ? DibReader.Parse(text, path) : ParseIpynb(text, path);
    }

    private static Notebook ParseIpynb(string text, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and bytes from 0, editors from 1; its message ends with its own 0-based
            // position and a JSON path, which are left out.
            var reason = JsonPosition().Replace(e.Message, "").TrimEnd();
            throw new NotebookFormatException(path, "invalid JSON: " + reason, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        }

        if (root is not JsonObject obj)
        {
            throw new NotebookFormatException(path, "not a notebook: the JSON document is not an object");
        }

        if (obj["nbformat"] is not JsonValue nbformat || !nbformat.TryGetValue<int>(out var version) || version != 4)
        {
            throw new NotebookFormatException(path, $"unsupported nbformat {obj["nbformat"]?.ToJsonString() ?? "missing"}: this runner reads nbformat 4");
        }

        if (obj["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException(path, "not a notebook: no \"cells\" list");
        }

        foreach (var (index, node) in cells.Index())
        {
            var problem = node switch
            {
                not JsonObject => " is not a JSON object",
                JsonObject cell when cell["cell_type"]?.GetValueKind() != JsonValueKind.String => " has no \"cell_type\"",
                JsonObject cell when !cell.ContainsKey("source") => " has no \"source\"",
                JsonObject cell when MultilineString.FromJson(cell["source"]) is null => ": \"source\" is neither a string nor a list of strings",
                JsonObject cell when cell["outputs"] is { } and not JsonArray => ": \"outputs\" is not a list",
                _ => null,
            };
            if (problem is not null)
            {
                throw new NotebookFormatException(path, $"cell {index + 1}{problem}");
            }
        }

        return new Notebook(obj, NotebookFormat.Ipynb, JsonStyle.Detect(text), path);
    }

    [GeneratedRegex(" (LineNumber|Path):.*", RegexOptions.Singleline)]
    private static partial Regex JsonPosition();
}

/// <summary>A notebook that cannot be read: names the file, the reason and, for JSON, the 1-based line and column.</summary>
public sealed class NotebookFormatException(string path, string reason, int? line = null, int? column = null)
    : Exception(line is null ? $"{path}: {reason}" : $"{path}({line},{column}): {reason}");
