namespace Notebooks.Tests;

/// <summary>Finds the repository from the test binaries, so the tests read the committed notebooks themselves.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static string Notebook(string fileName) => Path.Combine(Notebooks, fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Notebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Notebooks.sln above {AppContext.BaseDirectory}.");
    }
}
