using System.Text.RegularExpressions;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner;

/// <summary>
/// Expands the PATH arguments into notebook files. A folder gives its notebooks in chapter (natural) order, then
/// those of its sub-folders, each in turn (notebooks/ first, then notebooks/ja/, notebooks/ko/: English first);
/// hidden files and folders, and the run's own output folders, are left out.
/// </summary>
public static partial class NotebookFinder
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

        var notebooks = found.DistinctBy(f => Path.GetFullPath(f.Item1)).ToList();
        // Two notebooks of one name (an edition's 5.4 beside the English 5.4, given as files) would overwrite each
        // other's executed copy and page; their folder names each by its path below it.
        if (notebooks.GroupBy(f => f.Item2, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twins)
        {
            throw new UsageException(
                $"{string.Join(" and ", twins.Select(t => t.Item1))} would both be written as {twins.Key}: give their folder instead (e.g. notebooks), which names each by its path below it");
        }

        return notebooks;
    }

    private static IEnumerable<string> InChapterOrder(string folder, HashSet<string> skipped)
    {
        var notebooks = Directory.EnumerateFiles(folder).Where(f => NotebookReader.IsNotebookPath(f) && !Path.GetFileName(f).StartsWith('.'));
        var folders = Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.') && !skipped.Contains(Path.GetFullPath(d)));
        return ChapterOrder(notebooks).Concat(ChapterOrder(folders).SelectMany(d => InChapterOrder(d, skipped)));
    }

    // "5.4" before "5.10": every run of digits padded to one width, so that comparing text compares numbers. (.NET 10's
    // CompareOptions.NumericOrdering would do this, but not under InvariantGlobalization, where it puts "5.10" first.)
    private static IOrderedEnumerable<string> ChapterOrder(IEnumerable<string> paths) => paths
        .OrderBy(p => Digits().Replace(p, m => m.Value.TrimStart('0').PadLeft(30, '0')), StringComparer.OrdinalIgnoreCase)
        .ThenBy(p => p, StringComparer.Ordinal);

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
