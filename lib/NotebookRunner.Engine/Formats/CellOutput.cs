using System.Text.Json.Nodes;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// One output of a code cell, a view over its nbformat JSON: display data (mime type to text), a console stream, or
/// an error. One read from a file is written back untouched; a new one has its keys in the sorted order VS Code
/// writes, so fresh outputs look like saved ones.
/// </summary>
public sealed class CellOutput
{
    private readonly JsonObject json;
    private IReadOnlyDictionary<string, string>? data;

    private CellOutput(JsonObject json)
    {
        this.json = json;
    }

    public OutputKind Kind => (string?)json["output_type"] switch
    {
        "display_data" => OutputKind.DisplayData,
        "execute_result" => OutputKind.ExecuteResult,
        "stream" => OutputKind.Stream,
        "error" => OutputKind.Error,
        _ => OutputKind.Other,
    };

    public bool IsError => Kind == OutputKind.Error;

    /// <summary>
    /// Mime type to content, for display_data and execute_result (a JSON mime type's value as JSON text). Built once:
    /// the JSON never changes (<see cref="ToJson"/> hands out copies), and a Plotly chart's HTML is long to join.
    /// </summary>
    public IReadOnlyDictionary<string, string> Data => data ??=
        (json["data"] as JsonObject)?.ToDictionary(d => d.Key, d => MultilineString.FromJson(d.Value) ?? d.Value?.ToJsonString() ?? "")
        ?? new Dictionary<string, string>();

    /// <summary>stdout or stderr, for streams.</summary>
    public string StreamName => (string?)json["name"] ?? "";

    public string Text => MultilineString.FromJson(json["text"]) ?? "";

    public string ErrorName => (string?)json["ename"] ?? "";

    public string ErrorValue => (string?)json["evalue"] ?? "";

    public IReadOnlyList<string> Traceback => (json["traceback"] as JsonArray)?.Select(t => (string?)t ?? "").ToList() ?? [];

    public static CellOutput FromJson(JsonObject json) => new(json);

    public static CellOutput DisplayData(IReadOnlyDictionary<string, string> data) => new(new JsonObject
    {
        ["data"] = new JsonObject(data.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => KeyValuePair.Create(d.Key, (JsonNode?)MultilineString.ToJson(d.Value)))),
        ["metadata"] = new JsonObject(),
        ["output_type"] = "display_data",
    });

    public static CellOutput DisplayData(string mimeType, string content) =>
        DisplayData(new Dictionary<string, string> { [mimeType] = content });

    public static CellOutput Stream(string name, string text) => new(new JsonObject
    {
        ["name"] = name,
        ["output_type"] = "stream",
        ["text"] = MultilineString.ToJson(text),
    });

    public static CellOutput Error(string name, string value, IReadOnlyList<string> traceback) => new(new JsonObject
    {
        ["ename"] = name,
        ["evalue"] = value,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Select(t => (JsonNode?)t).ToArray()),
    });

    public JsonObject ToJson() => (JsonObject)json.DeepClone();
}

/// <summary>nbformat's output types (an output's "output_type").</summary>
public enum OutputKind
{
    DisplayData,

    /// <summary>Like display_data, with an execution count: Jupyter writes these, VS Code does not.</summary>
    ExecuteResult,

    Stream,

    Error,

    /// <summary>Any other output_type a file may hold; written back as it was read.</summary>
    Other,
}
