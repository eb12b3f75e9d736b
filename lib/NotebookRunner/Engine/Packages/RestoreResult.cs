namespace NotebookRunner.Engine.Packages;

/// <summary>The runtime assemblies of a restored package set, or why it could not be restored.</summary>
public sealed record RestoreResult(bool Succeeded, IReadOnlyList<string> AssemblyPaths, string Error, bool FromCache)
{
    public static RestoreResult Failure(string error) => new(false, [], error, false);
}
