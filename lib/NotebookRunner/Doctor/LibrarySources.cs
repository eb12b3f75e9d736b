namespace NotebookRunner.Doctor;

/// <summary>
/// notebooks/build-lib.csx's rule, for doctor: lib/Backprop.Notebooks is up to date when its Debug DLL is newer than
/// every *.cs, *.csproj and *.resx of the projects it is built from (bin/ and obj/ aside).
/// </summary>
public static class LibrarySources
{
    private static readonly string[] Folders = ["Backprop", "Backprop.Notebooks", "CSharpHighlighter"];

    public static string Dll(string lib) => Path.Combine(lib, "Backprop.Notebooks", "bin", "Debug", "net10.0", "Backprop.Notebooks.dll");

    public static bool IsUpToDate(string lib)
    {
        var dll = Dll(lib);
        if (!File.Exists(dll))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(dll);
        foreach (var folder in Folders.Select(f => Path.Combine(lib, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(folder, file);
                var output = relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                var source = file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal)
                    || file.EndsWith(".resx", StringComparison.Ordinal);
                if (source && !output && File.GetLastWriteTimeUtc(file) > built)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
