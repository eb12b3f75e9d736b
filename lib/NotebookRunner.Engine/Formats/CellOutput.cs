using System.Text.Json.Nodes;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// One output of a code cell, in nbformat terms: display data (mime type to text), a console stream, or an error.
/// The JSON keys are written in the sorted order VS Code uses, so fresh outputs look like saved ones.
/// </summary>
public sealed class CellOutput
{
    private CellOutput(OutputKind kind)
    {
        Kind = kind;
    }

    public OutputKind Kind { get; }

    public bool IsError => Kind == OutputKind.Error;

    /// <summary>Mime type to content, for display_data and execute_result.</summary>
    public IReadOnlyDictionary<string, string> Data { get; private init; } = new Dictionary<string, string>();

    /// <summary>stdout or stderr, for streams.</summary>
    public string StreamName { get; private init; } = "";

    public string Text { get; private init; } = "";

    public string ErrorName { get; private init; } = "";

    public string ErrorValue { get; private init; } = "";

    public IReadOnlyList<string> Traceback { get; private init; } = [];

    /// <summary>The JSON this output was read from, written back untouched.</summary>
    private JsonObject? Original { get; init; }

    public static CellOutput DisplayData(IReadOnlyDictionary<string, string> data) =>
        new(OutputKind.DisplayData) { Data = data };

    public static CellOutput DisplayData(string mimeType, string content) =>
        DisplayData(new Dictionary<string, string> { [mimeType] = content });

    public static CellOutput Stream(string name, string text) => new(OutputKind.Stream) { StreamName = name, Text = text };

    public static CellOutput Error(string name, string value, IReadOnlyList<string> traceback) =>
        new(OutputKind.Error) { ErrorName = name, ErrorValue = value, Traceback = traceback };

    public static CellOutput FromJson(JsonObject json) => new((string?)json["output_type"] switch
    {
        "display_data" => OutputKind.DisplayData,
        "execute_result" => OutputKind.ExecuteResult,
        "stream" => OutputKind.Stream,
        "error" => OutputKind.Error,
        _ => OutputKind.Other,
    })
    {
        // A JSON mime type (application/json, Plotly's) holds a JSON value rather than text.
        Data = (json["data"] as JsonObject)?.ToDictionary(d => d.Key, d => MultilineString.FromJson(d.Value) ?? d.Value?.ToJsonString() ?? "")
               ?? new Dictionary<string, string>(),
        StreamName = (string?)json["name"] ?? "",
        Text = MultilineString.FromJson(json["text"]) ?? "",
        ErrorName = (string?)json["ename"] ?? "",
        ErrorValue = (string?)json["evalue"] ?? "",
        Traceback = (json["traceback"] as JsonArray)?.Select(t => (string?)t ?? "").ToList() ?? [],
        Original = json,
    };

    public JsonObject ToJson() => Original is not null ? (JsonObject)Original.DeepClone() : Kind switch
    {
        OutputKind.Stream => new JsonObject
        {
            ["name"] = StreamName,
            ["output_type"] = "stream",
            ["text"] = MultilineString.ToJson(Text),
        },
        OutputKind.Error => new JsonObject
        {
            ["ename"] = ErrorName,
            ["evalue"] = ErrorValue,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(Traceback.Select(t => (JsonNode?)t).ToArray()),
        },
        _ => new JsonObject
        {
            ["data"] = new JsonObject(Data.OrderBy(d => d.Key, StringComparer.Ordinal)
                .Select(d => KeyValuePair.Create(d.Key, (JsonNode?)MultilineString.ToJson(d.Value)))),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
    };
}
