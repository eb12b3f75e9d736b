using System.Text;

namespace NotebookRunner.Engine.Formats;

/// <summary>Writes notebooks as .ipynb text; file writes are atomic and skipped when the bytes would not change.</summary>
public static class NotebookWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] ToBytes(Notebook notebook) => Utf8.GetBytes(notebook.ToJson());

    /// <summary>
    /// Writes via a temporary file in the same folder and a rename, so a reader never sees half a notebook.
    /// Returns false (and leaves the file alone) when it already holds exactly these bytes.
    /// </summary>
    public static bool WriteAtomically(string path, byte[] bytes)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return true;
    }
}
