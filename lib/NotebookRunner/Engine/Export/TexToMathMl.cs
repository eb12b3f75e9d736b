using System.Net;
using System.Text;

namespace NotebookRunner.Engine.Export;

/// <summary>
/// Converts the TeX our notebooks use ($...$ and $$...$$) into MathML Core, which browsers render natively, so the
/// HTML export needs neither JavaScript nor a network. Covered: fractions, roots, sub/superscripts, \left( \right),
/// Greek letters, \partial, \cdot, \times, \sum, function names (\exp, \log, ...), \mathbf, \mathrm, \text and spacing.
/// Anything else is shown as its TeX source rather than dropped.
/// </summary>
public sealed class TexToMathMl
{
    private static readonly Dictionary<string, string> Letters = new()
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["iota"] = "ι", ["kappa"] = "κ", ["lambda"] = "λ", ["mu"] = "μ",
        ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ", ["tau"] = "τ", ["phi"] = "ϕ",
        ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω", ["Gamma"] = "Γ", ["Delta"] = "Δ",
        ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π", ["Sigma"] = "Σ", ["Phi"] = "Φ", ["Psi"] = "Ψ",
        ["Omega"] = "Ω", ["partial"] = "∂", ["nabla"] = "∇", ["infty"] = "∞", ["ell"] = "ℓ",
    };

    private static readonly Dictionary<string, string> Operators = new()
    {
        ["cdot"] = "·", ["times"] = "×", ["div"] = "÷", ["pm"] = "±", ["mp"] = "∓", ["sum"] = "∑", ["prod"] = "∏",
        ["int"] = "∫", ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←", ["Rightarrow"] = "⇒", ["leq"] = "≤",
        ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥", ["neq"] = "≠", ["ne"] = "≠", ["approx"] = "≈", ["equiv"] = "≡",
        ["in"] = "∈", ["cdots"] = "⋯", ["ldots"] = "…", ["dots"] = "…", ["odot"] = "⊙", ["otimes"] = "⊗",
        ["circ"] = "∘", ["propto"] = "∝", ["mid"] = "|", ["lbrace"] = "{", ["rbrace"] = "}", ["{"] = "{", ["}"] = "}",
        ["|"] = "‖", ["langle"] = "⟨", ["rangle"] = "⟩",
    };

    private static readonly HashSet<string> Functions =
    [
        "exp", "log", "ln", "sin", "cos", "tan", "tanh", "sinh", "cosh", "max", "min", "arg", "argmax", "argmin", "lim", "det", "sup", "inf",
    ];

    private static readonly Dictionary<string, string> Spaces = new()
    {
        [","] = "0.1667em", [":"] = "0.2222em", [";"] = "0.2778em", ["quad"] = "1em", ["qquad"] = "2em", [" "] = "0.25em", ["!"] = "0em",
    };

    private readonly string tex;
    private int position;

    private TexToMathMl(string tex)
    {
        this.tex = tex;
    }

    public static string Convert(string tex, bool display)
    {
        string body;
        try
        {
            body = new TexToMathMl(tex).ParseRow(endAt: null);
        }
        catch (FormatException)
        {
            body = $"<mtext>{WebUtility.HtmlEncode(tex)}</mtext>";
        }

        var annotation = $"<annotation encoding=\"application/x-tex\">{WebUtility.HtmlEncode(tex.Trim())}</annotation>";
        return $"<math{(display ? " display=\"block\"" : "")}><semantics><mrow>{body}</mrow>{annotation}</semantics></math>";
    }

    /// <summary>Items up to the end, or up to a closing token such as "}" or \right.</summary>
    private string ParseRow(string? endAt)
    {
        var row = new StringBuilder();
        while (true)
        {
            SkipSpace();
            if (position >= tex.Length)
            {
                return endAt is null ? row.ToString() : throw new FormatException("unclosed group");
            }

            if (endAt == "}" && tex[position] == '}')
            {
                position++;
                return row.ToString();
            }

            if (endAt == "right" && tex.AsSpan(position).StartsWith("\\right"))
            {
                return row.ToString();
            }

            row.Append(ParseScripted());
        }
    }

    private string ParseScripted()
    {
        var baseText = ParseAtom();
        string? sub = null, sup = null;
        while (true)
        {
            SkipSpace();
            if (position < tex.Length && tex[position] == '_' && sub is null)
            {
                position++;
                sub = ParseArgument();
            }
            else if (position < tex.Length && tex[position] == '^' && sup is null)
            {
                position++;
                sup = ParseArgument();
            }
            else if (position < tex.Length && tex[position] == '\'')
            {
                position++;
                sup = (sup ?? "") + "<mo>′</mo>";
            }
            else
            {
                break;
            }
        }

        return (sub, sup) switch
        {
            (null, null) => baseText,
            (not null, null) => $"<msub>{Wrap(baseText)}{Wrap(sub)}</msub>",
            (null, not null) => $"<msup>{Wrap(baseText)}{Wrap(sup)}</msup>",
            _ => $"<msubsup>{Wrap(baseText)}{Wrap(sub)}{Wrap(sup!)}</msubsup>",
        };
    }

    /// <summary>The argument of ^, _ or a command: a {group} or a single token.</summary>
    private string ParseArgument()
    {
        SkipSpace();
        if (position < tex.Length && tex[position] == '{')
        {
            position++;
            return ParseRow("}");
        }

        if (position < tex.Length && char.IsAsciiDigit(tex[position]))
        {
            return $"<mn>{tex[position++]}</mn>";
        }

        return ParseAtom();
    }

    private string ParseAtom()
    {
        SkipSpace();
        if (position >= tex.Length)
        {
            throw new FormatException("missing argument");
        }

        var c = tex[position];
        if (c == '{')
        {
            position++;
            return $"<mrow>{ParseRow("}")}</mrow>";
        }

        if (c == '\\')
        {
            return ParseCommand();
        }

        if (char.IsAsciiDigit(c) || (c == '.' && position + 1 < tex.Length && char.IsAsciiDigit(tex[position + 1])))
        {
            var start = position;
            while (position < tex.Length && (char.IsAsciiDigit(tex[position]) || tex[position] == '.'))
            {
                position++;
            }

            return $"<mn>{tex[start..position]}</mn>";
        }

        position++;
        if (char.IsLetter(c))
        {
            return $"<mi>{WebUtility.HtmlEncode(c.ToString())}</mi>";
        }

        if (c == '}' || c == '^' || c == '_')
        {
            throw new FormatException($"unexpected '{c}'");
        }

        var op = c switch { '-' => "−", '*' => "∗", _ => c.ToString() };
        return $"<mo>{WebUtility.HtmlEncode(op)}</mo>";
    }

    private string ParseCommand()
    {
        position++; // the backslash
        var start = position;
        if (position < tex.Length && !char.IsLetter(tex[position]))
        {
            position++;
        }
        else
        {
            while (position < tex.Length && char.IsLetter(tex[position]))
            {
                position++;
            }
        }

        var name = tex[start..position];
        switch (name)
        {
            case "frac":
            case "dfrac":
            case "tfrac":
                return $"<mfrac>{Wrap(ParseArgument())}{Wrap(ParseArgument())}</mfrac>";
            case "sqrt":
                return $"<msqrt>{ParseArgument()}</msqrt>";
            case "left":
                return ParseLeftRight();
            case "mathbf":
            case "boldsymbol":
            case "bm":
                return Styled(ParseArgument(), "bold");
            case "mathrm":
            case "operatorname":
                return Styled(ParseArgument(), "normal");
            case "text":
            case "textrm":
            case "mbox":
                return $"<mtext>{WebUtility.HtmlEncode(ReadBraced())}</mtext>";
            case "\\":
                return "<mspace linebreak=\"newline\"></mspace>";
            case "big" or "bigl" or "bigr":
                return SizedFence(Delimiter(), "1.2em");
            case "Big" or "Bigl" or "Bigr":
                return SizedFence(Delimiter(), "1.623em");
            case "bigg" or "biggl" or "biggr":
                return SizedFence(Delimiter(), "2.047em");
            case "Bigg" or "Biggl" or "Biggr":
                return SizedFence(Delimiter(), "2.470em");
        }

        if (Letters.TryGetValue(name, out var letter))
        {
            var upright = char.IsUpper(name[0]) || name is "partial" or "nabla" or "infty";
            return upright ? $"<mi mathvariant=\"normal\">{letter}</mi>" : $"<mi>{letter}</mi>";
        }

        if (Operators.TryGetValue(name, out var op))
        {
            return name is "sum" or "prod" or "int" ? $"<mo largeop=\"true\">{op}</mo>" : $"<mo>{op}</mo>";
        }

        if (Functions.Contains(name))
        {
            return $"<mi mathvariant=\"normal\">{name}</mi><mo>&#x2061;</mo>";
        }

        if (Spaces.TryGetValue(name, out var width))
        {
            return $"<mspace width=\"{width}\"></mspace>";
        }

        return $"<mtext>\\{WebUtility.HtmlEncode(name)}</mtext>";
    }

    private string ParseLeftRight()
    {
        var open = Delimiter();
        var inner = ParseRow("right");
        if (!tex.AsSpan(position).StartsWith("\\right"))
        {
            throw new FormatException("\\left without \\right");
        }

        position += "\\right".Length;
        var close = Delimiter();
        return $"<mrow>{Fence(open)}{inner}{Fence(close)}</mrow>";
    }

    private string Delimiter()
    {
        SkipSpace();
        if (position >= tex.Length)
        {
            throw new FormatException("missing delimiter");
        }

        if (tex[position] == '\\')
        {
            position++;
            var start = position;
            while (position < tex.Length && char.IsLetter(tex[position]))
            {
                position++;
            }

            if (position == start)
            {
                position++;
            }

            var name = tex[start..position];
            return Operators.TryGetValue(name, out var symbol) ? symbol : "";
        }

        var c = tex[position++];
        return c == '.' ? "" : c.ToString();
    }

    private static string Fence(string delimiter) =>
        delimiter.Length == 0 ? "" : $"<mo fence=\"true\" stretchy=\"true\">{WebUtility.HtmlEncode(delimiter)}</mo>";

    /// <summary>\big( and friends: TeX's fixed delimiter sizes.</summary>
    private static string SizedFence(string delimiter, string size) =>
        delimiter.Length == 0 ? "" : $"<mo minsize=\"{size}\" maxsize=\"{size}\">{WebUtility.HtmlEncode(delimiter)}</mo>";

    private string ReadBraced()
    {
        SkipSpace();
        if (position >= tex.Length || tex[position] != '{')
        {
            throw new FormatException("expected {");
        }

        var depth = 0;
        var start = position + 1;
        for (; position < tex.Length; position++)
        {
            depth += tex[position] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return tex[start..position++];
            }
        }

        throw new FormatException("unclosed {");
    }

    /// <summary>\mathbf and friends: letters take the variant (MathML Core keeps mathvariant on single mi only).</summary>
    private static string Styled(string content, string variant) =>
        variant == "bold"
            ? $"<mrow style=\"font-weight:bold\">{content.Replace("<mi>", "<mi mathvariant=\"normal\">", StringComparison.Ordinal)}</mrow>"
            : content.Replace("<mi>", "<mi mathvariant=\"normal\">", StringComparison.Ordinal);

    private static string Wrap(string content) => $"<mrow>{content}</mrow>";

    private void SkipSpace()
    {
        while (position < tex.Length && char.IsWhiteSpace(tex[position]))
        {
            position++;
        }
    }
}
