namespace NotebookRunner.Engine.Execution;

/// <summary>Reported after each code cell: which notebook, cell n of N, and how it went.</summary>
public sealed record CellProgress(string NotebookPath, int CodeCellCount, CellRun Cell);
