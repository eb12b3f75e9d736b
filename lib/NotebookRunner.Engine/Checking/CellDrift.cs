namespace NotebookRunner.Engine.Checking;

/// <summary>A code cell whose fresh outputs differ from the stored ones (after normalisation).</summary>
public sealed record CellDrift(int CellIndex, int Number, string Diff);
