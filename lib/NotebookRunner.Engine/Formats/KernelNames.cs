namespace NotebookRunner.Engine.Formats;

/// <summary>Polyglot kernel names, normalised ("C#", "c#" and "csharp" are the same kernel).</summary>
public static class KernelNames
{
    public const string CSharp = "csharp";
    public const string Markdown = "markdown";

    /// <summary>Names a .dib file uses as cell separators (besides those its #!meta block declares).</summary>
    public static readonly IReadOnlySet<string> WellKnown = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "csharp", "fsharp", "pwsh", "powershell", "javascript", "html", "markdown", "mermaid", "sql", "kql",
        "value", "http", "python", "r", "c#", "f#",
    };

    public static string Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        "c#" or "csharp" or "cs" => CSharp,
        "f#" or "fsharp" => "fsharp",
        "md" or "markdown" => Markdown,
        "powershell" or "pwsh" => "pwsh",
        var other => other,
    };
}
