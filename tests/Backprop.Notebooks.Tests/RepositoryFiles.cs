namespace Backprop.Notebooks.Tests;

/// <summary>Finds files of this repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>lib/Backprop's own source files, by type name, the way the build embeds them.</summary>
    public static IReadOnlyDictionary<string, string> LibrarySources() =>
        Directory.EnumerateFiles(Path.Combine(Root, "lib", "Backprop"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => p);

    private static bool IsBuildOutput(string path)
    {
        string relative = Path.GetRelativePath(Path.Combine(Root, "lib", "Backprop"), path);
        string first = relative.Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Notebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
