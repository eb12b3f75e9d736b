namespace NotebookRunner.Engine.Formats;

/// <summary>A notebook that cannot be read: names the file, the reason and, for JSON, the 1-based line and column.</summary>
public sealed class NotebookFormatException(string path, string reason, int? line = null, int? column = null)
    : Exception(line is null ? $"{path}: {reason}" : $"{path}({line},{column}): {reason}");
