namespace Backprop;

/// <summary>
/// Finds the repository's <c>notebooks/data</c> folder, so a notebook loads its data the same way whatever
/// folder the kernel was started in: <c>data</c> under the current folder (a kernel started beside the
/// notebooks), else <c>notebooks/data</c> above the folder this library was loaded from (the notebooks load
/// it from lib/Backprop.Notebooks/bin), else above the current folder.
/// </summary>
public static class NotebookData
{
    /// <summary>The full path of notebooks/data; <c>data</c> under the current folder if none is found.</summary>
    public static string Folder => Find() ?? Path.GetFullPath("data");

    private static string? Find()
    {
        if (File.Exists(Path.Combine("data", Digits.FileName)))
        {
            return Path.GetFullPath("data");
        }

        foreach (string? start in new[] { Path.GetDirectoryName(typeof(NotebookData).Assembly.Location), Directory.GetCurrentDirectory() })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "notebooks", "data");
                if (File.Exists(Path.Combine(candidate, Digits.FileName)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
