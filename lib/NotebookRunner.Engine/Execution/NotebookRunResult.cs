using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Execution;

/// <summary>A notebook after a run: the executed copy (fresh outputs) and each code cell's fate.</summary>
public sealed record NotebookRunResult(Notebook Executed, IReadOnlyList<CellRun> Cells, TimeSpan Duration)
{
    public int Skipped => Cells.Count(c => c.Status == CellRunStatus.Skipped);

    public int Ran => Cells.Count - Skipped;

    public int Failed => Cells.Count(c => c.IsFailure);

    public bool Succeeded => Failed == 0;
}
