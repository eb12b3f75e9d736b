namespace NotebookRunner.Engine.Formats;

/// <summary>
/// How a notebook's JSON text was laid out, so that writing it back reproduces the same bytes:
/// VS Code writes <c>JSON.stringify(notebook, null, indent)</c> with a one-space indent and a final newline.
/// </summary>
public sealed record JsonStyle(string Indent, string NewLine, bool FinalNewLine)
{
    /// <summary>The layout VS Code (and so Polyglot Notebooks) uses for new files.</summary>
    public static JsonStyle VsCode { get; } = new(" ", "\n", true);

    /// <summary>Infers the layout from existing text; falls back to VS Code's for anything it cannot see.</summary>
    public static JsonStyle Detect(string text)
    {
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var indent = " ";
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstBreak >= 0)
        {
            var i = firstBreak + 1;
            var start = i;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            if (i > start)
            {
                indent = text[start..i];
            }
        }

        return new JsonStyle(indent, newLine, text.EndsWith('\n'));
    }
}
