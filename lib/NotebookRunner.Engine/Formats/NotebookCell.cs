using System.Text.Json.Nodes;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// A view over one cell's JSON. Reading never changes the JSON; only <see cref="SetOutputs"/> and
/// <see cref="ExecutionCount"/> do, so everything else (ids, metadata, key order) survives a round trip.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json, int index, string defaultKernel)
    {
        Json = json;
        Index = index;
        Source = MultilineString.FromJson(json["source"]) ?? "";
        var metadata = json["metadata"] as JsonObject;
        var kernel = (string?)(metadata?["polyglot_notebook"] as JsonObject)?["kernelName"]
                     ?? (string?)(metadata?["dotnet_interactive"] as JsonObject)?["language"]
                     ?? defaultKernel;
        Kernel = KernelNames.Normalize(kernel);
        RaisesException = (metadata?["tags"] as JsonArray)?.Any(t => (string?)t == "raises-exception") ?? false;
    }

    public JsonObject Json { get; }

    /// <summary>0-based position in the notebook.</summary>
    public int Index { get; }

    public string CellType => (string?)Json["cell_type"] ?? "";

    public bool IsCode => CellType == "code";

    public string? Id => (string?)Json["id"];

    public string Source { get; }

    /// <summary>The normalised kernel the cell's metadata names (the notebook's default when it names none).</summary>
    public string Kernel { get; }

    public bool RaisesException { get; }

    public int? ExecutionCount
    {
        get => Json["execution_count"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
        set
        {
            if (Json.ContainsKey("execution_count"))
            {
                Json["execution_count"] = value;
            }
        }
    }

    public IReadOnlyList<CellOutput> Outputs =>
        (Json["outputs"] as JsonArray)?.OfType<JsonObject>().Select(CellOutput.FromJson).ToList() ?? [];

    public void SetOutputs(IEnumerable<CellOutput> outputs)
    {
        if (IsCode)
        {
            Json["outputs"] = new JsonArray(outputs.Select(o => (JsonNode?)o.ToJson()).ToArray());
        }
    }
}
