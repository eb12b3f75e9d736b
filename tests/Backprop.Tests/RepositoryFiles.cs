namespace Backprop.Tests;

/// <summary>Files of the repository itself (the shipped digits), found from the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>notebooks/data/digits.csv.gz, as the 5.7 notebook loads it.</summary>
    public static string DigitsCsv => Path.Combine(Root, "notebooks", "data", "digits.csv.gz");

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
