namespace NotebookRunner.Engine.Execution;

/// <summary>How to run a notebook: the per-cell time limit, and whether to go on after a failing cell.</summary>
public sealed record ExecutionSettings(TimeSpan CellTimeout, bool ContinueOnError = false)
{
    public static ExecutionSettings Default { get; } = new(TimeSpan.FromSeconds(120));
}
