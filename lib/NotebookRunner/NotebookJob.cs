using NotebookRunner.Engine.Checking;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner;

/// <summary>One notebook of a run: its source, what running it gave, and what --check found.</summary>
public sealed record NotebookJob(Notebook Source)
{
    public NotebookRunResult? Result { get; set; }

    public IReadOnlyList<CellDrift> Drifts { get; set; } = [];

    public string Name => Path.GetFileName(Source.Path);

    public int CodeCellCount => Source.Cells.Count(c => c.IsCode);
}
