using TexMath;

namespace TexMath.Tests;

/// <summary>The TeX subset our notebooks use, each construct against the MathML written out by hand.</summary>
public sealed class TexToMathMlTests
{
    private static string Body(string tex)
    {
        var math = TexToMathMl.Convert(tex, display: false);
        var start = math.IndexOf("<mrow>", StringComparison.Ordinal) + "<mrow>".Length;
        var end = math.IndexOf("<annotation", StringComparison.Ordinal) - "</mrow>".Length;
        return math[start..end];
    }

    [Theory]
    [InlineData("x^2", "<msup><mrow><mi>x</mi></mrow><mrow><mn>2</mn></mrow></msup>")]
    [InlineData("W_{12}", "<msub><mrow><mi>W</mi></mrow><mrow><mn>12</mn></mrow></msub>")]
    [InlineData("\\frac{\\partial L}{\\partial x}", "<mfrac><mrow><mi mathvariant=\"normal\">∂</mi><mi>L</mi></mrow><mrow><mi mathvariant=\"normal\">∂</mi><mi>x</mi></mrow></mfrac>")]
    [InlineData("\\exp(-x)", "<mi>exp</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mo lspace=\"0\" rspace=\"0\">−</mo><mi>x</mi><mo stretchy=\"false\">)</mo>")]
    [InlineData("\\alpha \\cdot \\beta \\times 3.5", "<mi>α</mi><mo>·</mo><mi>β</mi><mo>×</mo><mn>3.5</mn>")]
    [InlineData("\\sum_k t_k", "<munder><mrow><mo largeop=\"true\">∑</mo></mrow><mrow><mi>k</mi></mrow></munder><msub><mrow><mi>t</mi></mrow><mrow><mi>k</mi></mrow></msub>")]
    [InlineData("\\left( a \\right)", "<mrow><mo fence=\"true\" stretchy=\"true\">(</mo><mi>a</mi><mo fence=\"true\" stretchy=\"true\">)</mo></mrow>")]
    [InlineData("\\mathbf{X}", "<mi>𝐗</mi>")]
    [InlineData("\\text{loss } L", "<mtext>loss\u00A0</mtext><mi>L</mi>")]
    [InlineData("x_i^2", "<msubsup><mrow><mi>x</mi></mrow><mrow><mi>i</mi></mrow><mrow><mn>2</mn></mrow></msubsup>")]
    [InlineData("\\Big( a \\Big)", "<mo minsize=\"1.623em\" maxsize=\"1.623em\">(</mo><mi>a</mi><mo minsize=\"1.623em\" maxsize=\"1.623em\">)</mo>")]
    [InlineData("a < b", "<mi>a</mi><mo>&lt;</mo><mi>b</mi>")]
    public void Constructs_convert_to_MathML(string tex, string expected) => Assert.Equal(expected, Body(tex));

    [Fact]
    public void Unknown_commands_and_broken_input_are_marked_and_reported_rather_than_vanish()
    {
        var problems = new List<string>();
        var math = TexToMathMl.Convert("a \\weird b", display: false, problems);
        Assert.Contains("<mi>a</mi><merror><mtext>weird</mtext></merror><mi>b</mi>", math, StringComparison.Ordinal);
        Assert.Equal(["unknown command \\weird"], problems);

        problems.Clear();
        math = TexToMathMl.Convert("\\frac{1", display: false, problems);
        Assert.Contains("<mfrac><mrow><mn>1</mn></mrow><mrow><merror><mtext>?</mtext></merror></mrow></mfrac>", math, StringComparison.Ordinal);
        Assert.Equal(["{ without its closing }", "an argument is missing at the end"], problems);
    }

    [Fact]
    public void Display_math_is_a_block_and_keeps_its_source()
    {
        var math = TexToMathMl.Convert("y = x", display: true);
        Assert.StartsWith("<math display=\"block\">", math, StringComparison.Ordinal);
        Assert.Contains("<annotation encoding=\"application/x-tex\">y = x</annotation>", math, StringComparison.Ordinal);
    }
}
