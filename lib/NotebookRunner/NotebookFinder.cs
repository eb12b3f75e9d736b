using NotebookRunner.Engine.Formats;

namespace NotebookRunner;

/// <summary>
/// Expands the PATH arguments into notebook files. A folder gives its notebooks in chapter (natural) order, then
/// those of its sub-folders, each in turn (notebooks/ first, then notebooks/ja/, notebooks/ko/: English first);
/// hidden files and folders, and the run's own output folders, are left out.
/// </summary>
public static class NotebookFinder
{
    /// <summary>The notebooks, each with the name it goes by in logs and output folders (relative to its PATH folder).</summary>
    public static IReadOnlyList<(string Path, string Name)> Find(IEnumerable<string> paths, IEnumerable<string> outputFolders)
    {
        var skipped = outputFolders.Select(Path.GetFullPath).ToHashSet();
        var found = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                found.AddRange(InChapterOrder(path, skipped).Select(f => (f, Path.GetRelativePath(path, f).Replace('\\', '/'))));
            }
            else if (File.Exists(path))
            {
                if (!NotebookReader.IsNotebookPath(path))
                {
                    throw new UsageException($"{path}: not a notebook (expected .ipynb or .dib)");
                }

                found.Add((path, Path.GetFileName(path)));
            }
            else
            {
                throw new UsageException($"{path}: no such file or folder");
            }
        }

        return found.DistinctBy(f => Path.GetFullPath(f.Item1)).ToList();
    }

    private static IEnumerable<string> InChapterOrder(string folder, HashSet<string> skipped) =>
        Directory.EnumerateFiles(folder)
            .Where(f => NotebookReader.IsNotebookPath(f) && !Path.GetFileName(f).StartsWith('.'))
            .Order(NaturalOrder.Instance)
            .Concat(Directory.EnumerateDirectories(folder)
                .Where(d => !Path.GetFileName(d).StartsWith('.') && !skipped.Contains(Path.GetFullPath(d)))
                .Order(NaturalOrder.Instance)
                .SelectMany(d => InChapterOrder(d, skipped)));
}
