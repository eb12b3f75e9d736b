namespace Backprop.Notebooks;

/// <summary>Placeholder until the notebook companion lands.</summary>
public static class NotebookSetup { }
