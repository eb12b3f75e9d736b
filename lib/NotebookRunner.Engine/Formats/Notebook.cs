using System.Text.Json.Nodes;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// A notebook as its nbformat 4 JSON document, with typed views over the cells. Keeping the JSON itself (rather
/// than copying it into a model) is what lets unknown metadata, cell ids and key order survive untouched.
/// </summary>
public sealed class Notebook
{
    public Notebook(JsonObject root, NotebookFormat format, JsonStyle style, string path = "")
    {
        Root = root;
        Format = format;
        Style = style;
        Path = path;
        var metadata = root["metadata"] as JsonObject;
        var kernelInfo = (metadata?["polyglot_notebook"] as JsonObject)?["kernelInfo"] as JsonObject;
        var language = (string?)(metadata?["kernelspec"] as JsonObject)?["language"];
        var defaultKernel = KernelNames.Normalize((string?)kernelInfo?["defaultKernelName"] ?? language ?? KernelNames.CSharp);
        Cells = (root["cells"] as JsonArray ?? []).OfType<JsonObject>().Select((c, i) => new NotebookCell(c, i, defaultKernel)).ToList();
    }

    public JsonObject Root { get; }

    public NotebookFormat Format { get; }

    public JsonStyle Style { get; }

    /// <summary>Where the notebook was read from ("" when built in memory).</summary>
    public string Path { get; }

    public IReadOnlyList<NotebookCell> Cells { get; }

    public string ToJson() => JsonText.Write(Root, Style);

    public Notebook Clone() => new((JsonObject)Root.DeepClone(), Format, Style, Path);

    /// <summary>The top-level metadata VS Code Polyglot Notebooks writes for a C# notebook.</summary>
    public static JsonObject PolyglotMetadata(JsonObject? kernelInfo = null) => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = kernelInfo ?? new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        },
    };

    // A cell as VS Code Polyglot writes it (code cells carry both kernel metadata keys).
    private static JsonObject PolyglotCell(string kernel, string source)
    {
        if (kernel == KernelNames.Markdown)
        {
            return new JsonObject
            {
                ["cell_type"] = "markdown",
                ["metadata"] = new JsonObject(),
                ["source"] = MultilineString.ToJson(source),
            };
        }

        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject
            {
                ["dotnet_interactive"] = new JsonObject { ["language"] = kernel },
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel },
            },
            ["outputs"] = new JsonArray(),
            ["source"] = MultilineString.ToJson(source),
        };
    }

    /// <summary>A new Polyglot notebook from (kernel, source) pairs.</summary>
    public static Notebook Create(IEnumerable<(string Kernel, string Source)> cells, JsonObject? kernelInfo = null, string path = "")
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)PolyglotCell(c.Kernel, c.Source)).ToArray()),
            ["metadata"] = PolyglotMetadata(kernelInfo),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        return new Notebook(root, NotebookFormat.Ipynb, JsonStyle.VsCode, path);
    }
}

public enum NotebookFormat
{
    Ipynb,
    Dib,
}
