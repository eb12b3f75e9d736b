using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Execution;

/// <summary>A notebook after a run: the executed copy (fresh outputs) and each code cell's fate.</summary>
public sealed record NotebookRunResult(Notebook Executed, IReadOnlyList<CellRun> Cells, TimeSpan Duration)
{
    public int Ran => Cells.Count(c => c.DidRun);

    public int Failed => Cells.Count(c => c.IsFailure);

    public int Skipped => Cells.Count(c => !c.DidRun);

    public bool Succeeded => Failed == 0;
}
