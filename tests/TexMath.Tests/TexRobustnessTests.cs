using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TexMath;

namespace TexMath.Tests;

/// <summary>Whatever TeX a notebook author types, the page gets well-formed MathML and every error is reported.</summary>
public sealed class TexRobustnessTests
{
    // Pieces that combine into valid TeX, broken TeX and unknown commands alike.
    private static readonly string[] Tokens =
    [
        "x", "12", ".5", " ", "{", "}", "^", "_", "'", "&", "\\\\", "-", "+", "(", ")", "[", "]", "|", "<", "=", "$", "%", "~",
        "\\frac", "\\sqrt", "\\sqrt[", "\\left(", "\\right)", "\\left.", "\\right\\}", "\\middle|", "\\big(", "\\text{a\\_b",
        "\\text", "\\mathrm", "\\mathbf", "\\operatorname*", "\\underbrace", "\\overbrace", "\\hat", "\\boxed", "\\not",
        "\\begin{aligned}", "\\end{aligned}", "\\begin{cases}", "\\end{matrix}", "\\begin{array}{lc}", "\\sum", "\\max",
        "\\alpha", "\\top", "\\,", "\\!", "\\quad", "\\_", "\\{", "\\weird", "\\", "\\displaystyle", "\\color{red}",
        "\\limits", "\\hspace{1em}", "\\hspace{x}", "\\rightarrow",
    ];

    [Property(MaxTest = 2000)]
    public Property Any_token_sequence_gives_well_formed_MathML_with_no_backslash_and_errors_reported()
    {
        var texts = Gen.Elements(Tokens).ArrayOf().Select(parts => string.Concat(parts));
        return Prop.ForAll(texts.ToArbitrary(), tex =>
        {
            foreach (var display in new[] { false, true })
            {
                var problems = new List<string>();
                var math = TexToMathMl.Convert(tex, display, problems);
                var root = XElement.Parse(math);
                var rendered = root.Element("semantics")!.Element("mrow")!;
                var text = rendered.ToString();
                Assert.False(text.Contains('\\', StringComparison.Ordinal), $"backslash from {tex}: {text}");
                Assert.False(text.Contains("<merror>", StringComparison.Ordinal) && problems.Count == 0, $"unreported error from {tex}: {text}");
                Assert.Equal(tex.Trim(), root.Element("semantics")!.Element("annotation")!.Value);
            }

            return true;
        });
    }
}
