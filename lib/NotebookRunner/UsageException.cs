namespace NotebookRunner;

/// <summary>Bad command-line usage: reported with the usage text and exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
