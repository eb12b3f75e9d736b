namespace NotebookRunner.Tests.Support;

/// <summary>The fixture notebooks, and fresh temporary copies of them for tests that write.</summary>
public static class Fixtures
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "notebook-runner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Copies a fixture file (or a whole fixture folder) into a new temp folder; returns the copy's path.</summary>
    public static string Copy(string relative)
    {
        var source = PathOf(relative);
        var folder = TempFolder();
        if (Directory.Exists(source))
        {
            foreach (var file in Directory.EnumerateFiles(source))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            return folder;
        }

        var target = Path.Combine(folder, Path.GetFileName(source));
        File.Copy(source, target);
        return target;
    }
}
