using NotebookRunner.Engine.Checking;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner;

/// <summary>
/// One notebook of a run: its source, the name it goes by (its path below the PATH folder given, "ko/5.4-….ipynb"),
/// what running it gave, and what --check found.
/// </summary>
public sealed record NotebookJob(Notebook Source, string Name)
{
    public NotebookRunResult? Result { get; set; }

    public IReadOnlyList<CellDrift> Drifts { get; set; } = [];

    public int CodeCellCount => Source.Cells.Count(c => c.IsCode);

    public string OutputPath(string folder, string extension) => Path.Combine(folder, Path.ChangeExtension(Name, extension));
}
