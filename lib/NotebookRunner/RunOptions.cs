using NotebookRunner.Engine.Execution;

namespace NotebookRunner;

/// <summary>The options of <c>run</c>, as given on the command line; a new instance holds every default.</summary>
public sealed record RunOptions
{
    public static RunOptions Defaults { get; } = new();

    public IReadOnlyList<string> Paths { get; init; } = ["notebooks"];

    public string OutDirectory { get; init; } = Path.Combine("artifacts", "notebooks");

    public bool Update { get; init; }

    public bool Check { get; init; }

    public string? HtmlDirectory { get; init; }

    /// <summary>Start no kernel: the notebooks as stored are what --out and --html get (for an export of stored outputs).</summary>
    public bool NoRun { get; init; }

    public TimeSpan CellTimeout { get; init; } = ExecutionSettings.Default.CellTimeout;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public bool ContinueOnError { get; init; }
}
