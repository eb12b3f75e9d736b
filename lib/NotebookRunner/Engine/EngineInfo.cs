namespace NotebookRunner.Engine;

/// <summary>Placeholder until the engine lands.</summary>
public static class EngineInfo { }
