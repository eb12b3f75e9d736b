using NotebookRunner.Engine.Formats;

namespace NotebookRunner;

/// <summary>Expands the PATH arguments into notebook files, folders in chapter (natural) order.</summary>
public static class NotebookFinder
{
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                found.AddRange(Directory.EnumerateFiles(path)
                    .Where(NotebookReader.IsNotebookPath)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(NaturalOrder.Instance));
            }
            else if (File.Exists(path))
            {
                if (!NotebookReader.IsNotebookPath(path))
                {
                    throw new UsageException($"{path}: not a notebook (expected .ipynb or .dib)");
                }

                found.Add(path);
            }
            else
            {
                throw new UsageException($"{path}: no such file or folder");
            }
        }

        return found.Distinct().ToList();
    }
}
