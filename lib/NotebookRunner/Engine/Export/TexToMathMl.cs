using System.Net;

namespace NotebookRunner.Engine.Export;

/// <summary>TeX to MathML (placeholder: shows the TeX source until the converter lands).</summary>
public static class TexToMathMl
{
    public static string Convert(string tex, bool display) =>
        $"<math{(display ? " display=\"block\"" : "")}><mtext>{WebUtility.HtmlEncode(tex)}</mtext></math>";
}
