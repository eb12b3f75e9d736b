using TexMath;

namespace TexMath.Tests;

/// <summary>
/// Each TeX construct the notebooks may use, against the MathML Core written out by hand: the element structure
/// (munder round an underbrace, mtable for aligned, ...), the characters (⏟ U+23DF, ⊤, 𝐗), and that nothing is
/// left as raw TeX or reported as a problem.
/// </summary>
public sealed class TexConstructsTests
{
    private const string Unary = "<mo lspace=\"0\" rspace=\"0\">−</mo>";
    private const string ThinApply = "<mo rspace=\"0.1667em\">&#x2061;</mo>";

    /// <summary>The MathML between &lt;semantics&gt;&lt;mrow&gt; and the TeX annotation, and the problems reported.</summary>
    private static (string Body, List<string> Problems) Convert(string tex, bool display = false)
    {
        var problems = new List<string>();
        var math = TexToMathMl.Convert(tex, display, problems);
        const string open = "<semantics><mrow>";
        var start = math.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = math.LastIndexOf("</mrow><annotation", StringComparison.Ordinal);
        return (math[start..end], problems);
    }

    private static string Body(string tex, bool display = false)
    {
        var (body, problems) = Convert(tex, display);
        Assert.Empty(problems);
        return body;
    }

    [Fact]
    public void Underbrace_is_a_stretched_brace_under_its_argument_with_the_label_under_that()
    {
        Assert.Equal(
            "<munder><mrow><munder accentunder=\"true\"><mrow><mn>100</mn><mo>×</mo><mn>2</mn></mrow><mo stretchy=\"true\">\u23DF</mo></munder></mrow>" +
            "<mrow><mtext>apple_price</mtext></mrow></munder>",
            Body("\\underbrace{100 \\times 2}_{\\text{apple\\_price}}"));
    }

    [Fact]
    public void Overbrace_is_a_stretched_brace_over_its_argument_with_the_label_over_that()
    {
        Assert.Equal(
            "<mover><mrow><mover accent=\"true\"><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy=\"true\">\u23DE</mo></mover></mrow>" +
            "<mrow><mi>n</mi></mrow></mover>",
            Body("\\overbrace{a+b}^{n}"));
    }

    [Fact]
    public void Escaped_characters_in_math_are_the_characters()
    {
        Assert.Equal(
            "<mi mathvariant=\"normal\">_</mi><mi mathvariant=\"normal\">%</mi><mi mathvariant=\"normal\">&amp;</mi><mi mathvariant=\"normal\">#</mi>" +
            "<mo stretchy=\"false\">{</mo><mo stretchy=\"false\">}</mo><mi mathvariant=\"normal\">$</mi>",
            Body("\\_ \\% \\& \\# \\{ \\} \\$"));
    }

    [Fact]
    public void Spacing_commands_are_spaces_of_TeX_widths()
    {
        Assert.Equal(
            "<mi>a</mi><mspace width=\"0.1667em\"></mspace><mi>b</mi><mspace width=\"0.2778em\"></mspace><mi>c</mi>" +
            "<mspace style=\"margin-left:-0.1667em\"></mspace><mi>d</mi><mspace width=\"1em\"></mspace><mi>e</mi>" +
            "<mspace width=\"2em\"></mspace><mi>f</mi>",
            Body("a\\,b\\;c\\!d\\quad e\\qquad f"));
    }

    [Fact]
    public void Text_keeps_escaped_characters_without_backslashes_and_its_edge_spaces()
    {
        Assert.Equal("<mtext>a_b 50% &amp; # {x} $</mtext>", Body("\\text{a\\_b 50\\% \\& \\# \\{x\\} \\$}"));
        Assert.Equal(
            "<mtext>loss of\u00A0</mtext><msub><mrow><mi>x</mi></mrow><mrow><mn>1</mn></mrow></msub><mtext>\u00A0here</mtext>",
            Body("\\text{loss of $x_1$ here}"));
    }

    [Theory]
    [InlineData("\\mathrm{relu}(x)", "<mi>relu</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>")]
    [InlineData("\\mathrm{d}x", "<mi mathvariant=\"normal\">d</mi><mi>x</mi>")]
    [InlineData("\\operatorname{relu} x", "<mi>relu</mi>" + ThinApply + "<mi>x</mi>")]
    [InlineData("\\mathbf{W1}", "<mi>\U0001D416</mi><mn>\U0001D7CF</mn>")]
    [InlineData("\\mathsf{A}b", "<mi>\U0001D5A0</mi><mi>b</mi>")]
    [InlineData("\\mathbb{R}^n", "<msup><mrow><mi>ℝ</mi></mrow><mrow><mi>n</mi></mrow></msup>")]
    [InlineData("\\mathcal{L}", "<mi>ℒ</mi>")]
    public void Letter_styles_become_upright_names_or_Unicode_math_letters(string tex, string expected) => Assert.Equal(expected, Body(tex));

    [Theory]
    [InlineData("\\left[ x \\right]", "[", "]")]
    [InlineData("\\left\\{ x \\right.", "{", "")]
    [InlineData("\\left\\langle x \\right\\rangle", "⟨", "⟩")]
    [InlineData("\\left| x \\right|", "|", "|")]
    [InlineData("\\left\\lVert x \\right\\rVert", "‖", "‖")]
    [InlineData("\\left\\lfloor x \\right\\rfloor", "⌊", "⌋")]
    [InlineData("\\left. x \\right/", "", "/")]
    public void Left_and_right_take_any_delimiter_and_stretch_it(string tex, string open, string close)
    {
        static string Fence(string d) => d.Length == 0 ? "" : $"<mo fence=\"true\" stretchy=\"true\">{d}</mo>";
        Assert.Equal($"<mrow>{Fence(open)}<mi>x</mi>{Fence(close)}</mrow>", Body(tex));
    }

    [Fact]
    public void A_right_arrow_inside_left_right_is_not_taken_for_the_right()
    {
        Assert.Equal(
            "<mrow><mo fence=\"true\" stretchy=\"true\">(</mo><mi>a</mi><mo>→</mo><mi>b</mi><mo fence=\"true\" stretchy=\"true\">)</mo></mrow>",
            Body("\\left( a \\rightarrow b \\right)"));
    }

    [Theory]
    [InlineData("\\frac12", "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>")]
    [InlineData("\\dfrac{a}{b}", "<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac></mstyle>")]
    [InlineData("\\tfrac{a}{b}", "<mstyle displaystyle=\"false\"><mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac></mstyle>")]
    [InlineData("\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>")]
    [InlineData("\\sqrt[3]{x}", "<mroot><mrow><mi>x</mi></mrow><mrow><mn>3</mn></mrow></mroot>")]
    public void Fractions_and_roots(string tex, string expected) => Assert.Equal(expected, Body(tex));

    [Theory]
    [InlineData("cdot", "·")]
    [InlineData("times", "×")]
    [InlineData("div", "÷")]
    [InlineData("pm", "±")]
    [InlineData("leq", "≤")]
    [InlineData("geq", "≥")]
    [InlineData("neq", "≠")]
    [InlineData("approx", "≈")]
    [InlineData("to", "→")]
    [InlineData("rightarrow", "→")]
    [InlineData("Rightarrow", "⇒")]
    public void Operators_and_relations_are_mo(string command, string character) =>
        Assert.Equal($"<mi>a</mi><mo>{character}</mo><mi>b</mi>", Body($"a \\{command} b"));

    [Theory]
    [InlineData("\\infty", "∞")]
    [InlineData("\\partial", "∂")]
    [InlineData("\\nabla", "∇")]
    [InlineData("\\dots", "…")]
    [InlineData("\\cdots", "⋯")]
    public void Letter_like_symbols_stay_upright(string tex, string character) =>
        Assert.Equal($"<mi mathvariant=\"normal\">{character}</mi>", Body(tex));

    [Fact]
    public void Greek_lower_case_is_slanted_and_capitals_upright()
    {
        Assert.Equal(
            "<mi>α</mi><mi>β</mi><mi mathvariant=\"normal\">Γ</mi><mi mathvariant=\"normal\">Ω</mi><mi>ε</mi><mi>η</mi>",
            Body("\\alpha\\beta\\Gamma\\Omega\\varepsilon\\eta"));
    }

    [Fact]
    public void Sums_and_products_take_limits_under_and_over_which_the_browser_moves_aside_inline()
    {
        Assert.Equal(
            "<munderover><mrow><mo largeop=\"true\">∑</mo></mrow><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mrow><mi>n</mi></mrow></munderover>" +
            "<msub><mrow><mi>x</mi></mrow><mrow><mi>i</mi></mrow></msub>",
            Body("\\sum_{i=1}^{n} x_i"));
        Assert.Equal("<munder><mrow><mo largeop=\"true\">∏</mo></mrow><mrow><mi>k</mi></mrow></munder>", Body("\\prod_k"));
    }

    [Theory]
    [InlineData("\\log x", false, "<mi>log</mi>" + ThinApply + "<mi>x</mi>")]
    [InlineData("\\exp(x)", false, "<mi>exp</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>")]
    [InlineData("\\max_i a", true, "<munder><mrow><mi>max</mi></mrow><mrow><mi>i</mi></mrow></munder>" + ThinApply + "<mi>a</mi>")]
    [InlineData("\\max_i a", false, "<msub><mrow><mi>max</mi></mrow><mrow><mi>i</mi></mrow></msub>" + ThinApply + "<mi>a</mi>")]
    [InlineData("\\min(a, b)", false, "<mi>min</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>a</mi><mo>,</mo><mi>b</mi><mo stretchy=\"false\">)</mo>")]
    public void Function_names_are_upright_with_a_thin_space_before_a_bare_argument(string tex, bool display, string expected) =>
        Assert.Equal(expected, Body(tex, display));

    [Theory]
    [InlineData("x^{2n}_{i+1}", "<msubsup><mrow><mi>x</mi></mrow><mrow><mi>i</mi><mo>+</mo><mn>1</mn></mrow><mrow><mn>2</mn><mi>n</mi></mrow></msubsup>")]
    [InlineData("x^10", "<msup><mrow><mi>x</mi></mrow><mrow><mn>1</mn></mrow></msup><mn>0</mn>")]
    [InlineData("f'(x)", "<mi>f</mi><mo lspace=\"0\" rspace=\"0\">′</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>")]
    [InlineData("y''_i", "<msubsup><mrow><mi>y</mi></mrow><mrow><mi>i</mi></mrow><mrow><mo lspace=\"0\" rspace=\"0\">′</mo><mo lspace=\"0\" rspace=\"0\">′</mo></mrow></msubsup>")]
    [InlineData("X^\\top", "<msup><mrow><mi>X</mi></mrow><mrow><mi mathvariant=\"normal\">⊤</mi></mrow></msup>")]
    [InlineData("W^{\\mathrm T}", "<msup><mrow><mi>W</mi></mrow><mrow><mi mathvariant=\"normal\">T</mi></mrow></msup>")]
    public void Scripts_take_a_group_or_a_single_token(string tex, string expected) => Assert.Equal(expected, Body(tex));

    [Fact]
    public void Aligned_is_a_table_whose_columns_meet_at_the_ampersand()
    {
        const string right = "<mtd style=\"text-align:-webkit-right;padding-right:0\">";
        const string left = "<mtd style=\"text-align:-webkit-left;padding-left:0\">";
        Assert.Equal(
            $"<mtable displaystyle=\"true\" columnalign=\"right left\"><mtr>{right}<mi>a</mi></mtd>{left}<mo>=</mo><mi>b</mi></mtd></mtr>" +
            $"<mtr>{right}<mi>c</mi></mtd>{left}<mo>=</mo><mi>d</mi></mtd></mtr></mtable>",
            Body("\\begin{aligned} a &= b \\\\ c &= d \\\\ \\end{aligned}"));
    }

    [Fact]
    public void Line_breaks_at_the_top_of_a_formula_are_centered_rows()
    {
        Assert.Equal(
            "<mtable displaystyle=\"true\"><mtr><mtd><mi>a</mi><mo>=</mo><mn>1</mn></mtd></mtr><mtr><mtd><mi>b</mi><mo>=</mo><mn>2</mn></mtd></mtr></mtable>",
            Body("a = 1 \\\\ b = 2", display: true));
    }

    [Fact]
    public void Cases_and_matrices_are_tables_between_fences()
    {
        const string fence = "<mo fence=\"true\" stretchy=\"true\">";
        Assert.Equal(
            $"<mrow>{fence}{{</mo><mtable columnalign=\"left left\"><mtr><mtd style=\"text-align:-webkit-left;padding-left:0.2em\"><mi>x</mi></mtd>" +
            "<mtd style=\"text-align:-webkit-left;padding-left:1em\"><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr>" +
            "<mtr><mtd style=\"text-align:-webkit-left;padding-left:0.2em\"><mn>0</mn></mtd><mtd style=\"text-align:-webkit-left;padding-left:1em\"><mi>x</mi><mo>≤</mo><mn>0</mn></mtd></mtr>" +
            "</mtable></mrow>",
            Body("\\begin{cases} x & x > 0 \\\\ 0 & x \\le 0 \\end{cases}"));
        Assert.Equal(
            $"<mrow>{fence}(</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable>{fence})</mo></mrow>",
            Body("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}"));
    }

    [Theory]
    [InlineData("\\boxed{x=1}", "<mrow style=\"border:1px solid;padding:0.2em 0.3em\"><mi>x</mi><mo>=</mo><mn>1</mn></mrow>")]
    [InlineData("\\hat{x}", "<mover accent=\"true\"><mrow><mi>x</mi></mrow><mo stretchy=\"false\">^</mo></mover>")]
    [InlineData("\\bar x", "<mover accent=\"true\"><mrow><mi>x</mi></mrow><mo stretchy=\"false\">¯</mo></mover>")]
    [InlineData("\\tilde{x}", "<mover accent=\"true\"><mrow><mi>x</mi></mrow><mo stretchy=\"false\">~</mo></mover>")]
    [InlineData("\\vec{x}", "<mover accent=\"true\"><mrow><mi>x</mi></mrow><mo stretchy=\"false\">→</mo></mover>")]
    [InlineData("\\widehat{xy}", "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">^</mo></mover>")]
    [InlineData("\\overline{x}", "<mrow style=\"border-top:0.06em solid;padding-top:0.1em\"><mi>x</mi></mrow>")]
    public void Boxes_and_accents(string tex, string expected) => Assert.Equal(expected, Body(tex));

    [Fact]
    public void A_sign_with_no_left_operand_is_unary_and_hugs_its_operand()
    {
        Assert.Equal(
            $"{Unary}<mi>x</mi><mo>+</mo><mo stretchy=\"false\">(</mo>{Unary}<mi>y</mi><mo stretchy=\"false\">)</mo><mo>=</mo>{Unary}<mn>1</mn>",
            Body("-x + (-y) = -1"));
        Assert.Equal("<mi>a</mi><mo>−</mo><mi>b</mi>", Body("a - b"));
    }

    [Fact]
    public void A_math_letter_typed_directly_stays_one_character()
    {
        Assert.Equal("<mi>\U0001D431</mi><mo>+</mo><mn>1</mn>", Body("\U0001D431 + 1"));
    }

    [Fact]
    public void Not_negates_a_relation()
    {
        Assert.Equal("<mi>a</mi><mo>≠</mo><mi>b</mi>", Body("a \\not= b"));
        Assert.Equal("<mi>a</mi><mo>∉</mo><mi>B</mi>", Body("a \\not\\in B"));
    }

    [Theory]
    [InlineData("\\begin{weird} x \\end{weird}", "unknown environment weird")]
    [InlineData("\\begin{aligned} x \\end{cases}", "\\begin{aligned} ended by \\end{cases}")]
    [InlineData("{a & b}", "& outside a table")]
    [InlineData("\\left( x", "\\left without \\right")]
    [InlineData("\\text{a \\foo b}", "unknown command \\foo in text")]
    [InlineData("\\left\\foo x \\right)", "\\foo is not a delimiter")]
    [InlineData("x}", "} without its opening {")]
    public void Malformed_input_is_reported(string tex, string problem) => Assert.Contains(problem, Convert(tex).Problems);

    public static TheoryData<string> Supported =>
    [
        "\\underbrace{100 \\times 2}_{\\text{apple\\_price}}", "\\overbrace{a+b}^{n}", "\\_ \\% \\& \\# \\{ \\} \\$",
        "a\\,b\\;c\\!d\\quad e\\qquad f", "\\text{a\\_b 50\\% \\& \\# \\{x\\} \\$}", "\\mathrm{relu}(x)", "\\mathbf{W}",
        "\\operatorname{relu} x", "\\mathsf{A}", "\\left\\langle x \\right\\rangle", "\\left\\lVert x \\right\\rVert",
        "\\dfrac{a}{b} \\tfrac{a}{b} \\frac12 \\sqrt{x} \\sqrt[3]{x}", "a \\cdot b \\times c \\div d \\pm e \\leq f \\geq g \\neq h \\approx i",
        "a \\to b \\rightarrow c \\Rightarrow d", "\\infty \\sum \\prod \\log \\exp \\max \\min \\partial \\nabla",
        "\\alpha \\beta \\gamma \\delta \\epsilon \\eta \\theta \\lambda \\mu \\sigma \\phi \\omega \\Delta \\Sigma",
        "x^{2n}_{i+1}", "\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", "\\boxed{x}", "\\hat{x} \\bar{x} \\tilde{x} \\vec{x}",
        "X^\\top", "W^{\\mathrm T}", "\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}", "\\Big( x \\Big) \\big[ y \\big]",
        "\\begin{bmatrix} 1 & 2 \\end{bmatrix}", "\\begin{array}{lr} a & b \\end{array}",
    ];

    [Theory]
    [MemberData(nameof(Supported))]
    public void Supported_constructs_leave_no_backslash_and_no_error(string tex)
    {
        var (body, problems) = Convert(tex, display: true);
        Assert.Empty(problems);
        Assert.DoesNotContain("\\", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<merror>", body, StringComparison.Ordinal);
    }
}
