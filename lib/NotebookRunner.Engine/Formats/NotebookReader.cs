using System.Text;

namespace NotebookRunner.Engine.Formats;

/// <summary>Reads a .ipynb or .dib file, turning anything unreadable into a <see cref="NotebookFormatException"/>.</summary>
public static class NotebookReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsNotebookPath(string path) =>
        path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a file; errors name the path as given, the notebook keeps its absolute path.</summary>
    public static Notebook Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, "cannot read the file: " + e.Message);
        }

        var notebook = Parse(bytes, path);

        // Kept absolute: the runner changes the working directory while notebooks run.
        return new Notebook(notebook.Root, notebook.Format, notebook.Style, System.IO.Path.GetFullPath(path));
    }

    public static Notebook Parse(byte[] bytes, string path)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new NotebookFormatException(path, "not a text file (it contains NUL bytes)");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new NotebookFormatException(path, "not a text file (it is not valid UTF-8)");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
        {
            return DibReader.Parse(text, path);
        }

        return IpynbReader.Parse(text, path);
    }
}
