using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Execution;

/// <summary>What running one cell produced.</summary>
public sealed record CellResult(CellStatus Status, IReadOnlyList<CellOutput> Outputs, int ExecutionCount, TimeSpan Duration)
{
    /// <summary>The error text (compile diagnostics, exception, restore failure), "" when the cell succeeded.</summary>
    public string ErrorText =>
        string.Join("\n", Outputs.Where(o => o.IsError).Select(Describe));

    // An exception's inner exceptions usually say what went wrong (a missing assembly behind a type initializer).
    private static string Describe(CellOutput error) =>
        error.ErrorName == "Error"
            ? error.ErrorValue
            : string.Join("\n", [$"{error.ErrorName}: {error.ErrorValue}", .. error.Traceback.Where(t => t.StartsWith(" --->", StringComparison.Ordinal)).Select(t => t.TrimEnd())]);
}
