namespace TexMath;

/// <summary>
/// Converts the TeX our notebooks use ($...$ and $$...$$) into MathML Core, which browsers render natively, so the
/// HTML export needs neither JavaScript nor a network. The TeX source rides along as an annotation.
/// Anything the converter cannot read shows on the page as a marked error holding the command's name, and is
/// reported to the caller; it never passes through silently as raw TeX.
/// </summary>
public static class TexToMathMl
{
    public static string Convert(string tex, bool display) => Convert(tex, display, problems: null);

    /// <param name="tex">The TeX between the dollar signs.</param>
    /// <param name="display">$$...$$: set as a block, large operators with limits under and over.</param>
    /// <param name="problems">Receives one line per unknown command or malformed construct, if given.</param>
    public static string Convert(string tex, bool display, ICollection<string>? problems)
    {
        var found = new List<string>();
        var body = new TexParser(tex, display, found).ParseFormula();
        foreach (var problem in found)
        {
            problems?.Add(problem);
        }

        var annotation = $"<annotation encoding=\"application/x-tex\">{TexParser.Escape(tex.Trim())}</annotation>";
        return $"<math{(display ? " display=\"block\"" : "")}><semantics><mrow>{body}</mrow>{annotation}</semantics></math>";
    }
}
