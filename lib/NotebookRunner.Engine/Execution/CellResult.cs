using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Execution;

/// <summary>What running one cell produced.</summary>
public sealed record CellResult(CellStatus Status, IReadOnlyList<CellOutput> Outputs, TimeSpan Duration)
{
    /// <summary>The error text (the kernel's message: compile diagnostics, exception, restore failure), "" when the cell succeeded.</summary>
    public string ErrorText => string.Join("\n", Outputs.Where(o => o.IsError).Select(o => o.ErrorValue));
}
