namespace NotebookRunner.Engine.Packages;

/// <summary>A cell's code with its NuGet directives taken out (as blank lines, so line numbers stay right).</summary>
public sealed record ParsedCell(
    string Code,
    IReadOnlyList<PackageRequest> Packages,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Errors);
