using System.Text.RegularExpressions;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// How a notebook's JSON text was laid out, so that writing it back reproduces the same bytes:
/// VS Code writes <c>JSON.stringify(notebook, null, indent)</c> with a one-space indent and a final newline.
/// </summary>
public sealed partial record JsonStyle(string Indent, string NewLine, bool FinalNewLine)
{
    public static JsonStyle VsCode { get; } = new(" ", "\n", true);

    /// <summary>The layout of existing text (its indent is the second line's); VS Code's for what it cannot show.</summary>
    public static JsonStyle Detect(string text) => new(
        SecondLineIndent().Match(text) is { Success: true } indent ? indent.Groups[1].Value : VsCode.Indent,
        text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n",
        text.EndsWith('\n'));

    [GeneratedRegex(@"\A[^\n]*\n([ \t]+)")]
    private static partial Regex SecondLineIndent();
}
