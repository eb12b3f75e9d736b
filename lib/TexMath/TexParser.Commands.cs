using System.Globalization;

namespace TexMath;

/// <summary>TeX commands: what each one writes, and the environments and delimiters some of them read.</summary>
internal sealed partial class TexParser
{
    private TexAtom ParseCommand()
    {
        var name = ReadCommandName();
        switch (name)
        {
            case "frac" or "dfrac" or "tfrac" or "cfrac":
                var fraction = $"<mfrac>{Wrap(ParseArgument())}{Wrap(ParseArgument())}</mfrac>";
                return new(name switch
                {
                    "dfrac" or "cfrac" => $"<mstyle displaystyle=\"true\" scriptlevel=\"0\">{fraction}</mstyle>",
                    "tfrac" => $"<mstyle displaystyle=\"false\">{fraction}</mstyle>",
                    _ => fraction,
                });
            case "binom":
                return new($"<mrow>{Fence("(")}<mfrac linethickness=\"0\">{Wrap(ParseArgument())}{Wrap(ParseArgument())}</mfrac>{Fence(")")}</mrow>");
            case "sqrt":
                SkipSpace();
                if (Peek('['))
                {
                    position++;
                    var index = ParseRow(Stop.Bracket, inTable: false).Markup;
                    return new($"<mroot>{Wrap(ParseArgument())}{Wrap(index)}</mroot>");
                }

                return new($"<msqrt>{ParseArgument()}</msqrt>");
            case "left":
                return new(ParseLeftRight());
            case "right":
                return new(Problem("\\right without \\left", Delimiter() ?? "?"));
            case "middle":
                return new(Fence(Delimiter()));
            case "big" or "bigl" or "bigr" or "bigm":
                return new(SizedFence(Delimiter(), "1.2em"));
            case "Big" or "Bigl" or "Bigr" or "Bigm":
                return new(SizedFence(Delimiter(), "1.623em"));
            case "bigg" or "biggl" or "biggr" or "biggm":
                return new(SizedFence(Delimiter(), "2.047em"));
            case "Bigg" or "Biggl" or "Biggr" or "Biggm":
                return new(SizedFence(Delimiter(), "2.470em"));
            case "text" or "textrm" or "textnormal" or "textup" or "mbox" or "hbox":
                return new(ParseText(""));
            case "textbf":
                return new(ParseText("font-weight:bold"));
            case "textit" or "emph":
                return new(ParseText("font-style:italic"));
            case "textsf":
                return new(ParseText("font-family:sans-serif"));
            case "texttt":
                return new(ParseText("font-family:monospace"));
            case "operatorname":
                var limits = Peek('*');
                position += limits ? 1 : 0;
                return new(InAlphabet(MathAlphabet.Roman), limits && display ? ScriptPlacement.Under : ScriptPlacement.Beside, "<mo>&#x2061;</mo>");
            case "mathrm" or "rm":
                return new(InAlphabet(MathAlphabet.Roman));
            case "mathbf" or "bf":
                return new(InAlphabet(MathAlphabet.Bold));
            case "mathit":
                return new(InAlphabet(MathAlphabet.Italic));
            case "boldsymbol" or "bm":
                return new(InAlphabet(MathAlphabet.BoldItalic));
            case "mathcal" or "mathscr":
                return new(InAlphabet(MathAlphabet.Script));
            case "mathfrak":
                return new(InAlphabet(MathAlphabet.Fraktur));
            case "mathbb":
                return new(InAlphabet(MathAlphabet.DoubleStruck));
            case "mathsf":
                return new(InAlphabet(MathAlphabet.SansSerif));
            case "mathtt":
                return new(InAlphabet(MathAlphabet.Monospace));
            case "mathnormal":
                return new(InAlphabet(MathAlphabet.Default));
            case "underbrace":
                return new($"<munder accentunder=\"true\">{Wrap(ParseArgument())}<mo stretchy=\"true\">⏟</mo></munder>", ScriptPlacement.Under);
            case "overbrace":
                return new($"<mover accent=\"true\">{Wrap(ParseArgument())}<mo stretchy=\"true\">⏞</mo></mover>", ScriptPlacement.Under);
            case "overset" or "stackrel":
                var above = ParseArgument();
                return new($"<mover>{Wrap(ParseArgument())}{Wrap(above)}</mover>");
            case "underset":
                var below = ParseArgument();
                return new($"<munder>{Wrap(ParseArgument())}{Wrap(below)}</munder>");
            case "overline":
                // A rule, not a stretched glyph: Chromium stretches none of the overline characters (U+203E, U+00AF, U+0305).
                return new($"<mrow style=\"border-top:0.06em solid;padding-top:0.1em\">{ParseArgument()}</mrow>");
            case "underline":
                return new($"<mrow style=\"border-bottom:0.06em solid;padding-bottom:0.1em\">{ParseArgument()}</mrow>");
            case "boxed":
                return new($"<mrow style=\"border:1px solid;padding:0.2em 0.3em\">{ParseArgument()}</mrow>");
            case "phantom":
                return new($"<mphantom>{ParseArgument()}</mphantom>");
            case "textcolor":
                var color = CssWord(ReadBracedText());
                return new($"<mrow style=\"color:{color}\">{ParseArgument()}</mrow>");
            case "hspace":
                return new(Space(ReadBracedText()));
            case "not":
                return new(Negate(ParseAtom(single: true).Markup));
            case "begin":
                return new(ParseEnvironment());
            case "end":
                return new(Problem($"\\end{{{ReadBracedText()}}} without its \\begin", "end"));
            case "\\":
                return new(Problem("line break \\\\ where an argument belongs", "↵"));
            case "{" or "}" or "lbrace" or "rbrace":
                return new($"<mo stretchy=\"false\">{(name is "{" or "lbrace" ? "{" : "}")}</mo>");
        }

        if (TexSymbols.Greek.TryGetValue(name, out var letter))
        {
            return new(char.IsUpper(name[0]) ? $"<mi mathvariant=\"normal\">{letter}</mi>" : $"<mi>{letter}</mi>");
        }

        if (TexSymbols.Ordinary.TryGetValue(name, out var symbol))
        {
            return new($"<mi mathvariant=\"normal\">{Escape(symbol)}</mi>");
        }

        if (TexSymbols.Operators.TryGetValue(name, out var op))
        {
            return new($"<mo>{op}</mo>");
        }

        if (TexSymbols.LargeOperators.TryGetValue(name, out var large))
        {
            var integral = name.EndsWith("int", StringComparison.Ordinal);
            return new($"<mo largeop=\"true\">{large}</mo>", integral ? ScriptPlacement.Beside : ScriptPlacement.Movable);
        }

        if (TexSymbols.Functions.Contains(name))
        {
            var placement = display && TexSymbols.LimitFunctions.Contains(name) ? ScriptPlacement.Under : ScriptPlacement.Beside;
            return new($"<mi>{name}</mi>", placement, "<mo>&#x2061;</mo>");
        }

        if (TexSymbols.Spaces.TryGetValue(name, out var width))
        {
            return new(Space(width));
        }

        if (TexSymbols.Delimiters.TryGetValue("\\" + name, out var delimiter))
        {
            return new($"<mo stretchy=\"false\">{delimiter}</mo>");
        }

        if (TexSymbols.Accents.TryGetValue(name, out var accent))
        {
            var body = Wrap(ParseArgument());
            var mark = $"<mo stretchy=\"{(accent.Wide ? "true" : "false")}\">{accent.Mark}</mo>";
            return new($"<mover accent=\"true\">{body}{mark}</mover>");
        }

        return new(Problem($"unknown command \\{name}", name));
    }

    private string ParseLeftRight()
    {
        var open = Delimiter();
        var inner = ParseRow(Stop.Right, inTable: false).Markup;
        var close = "";
        if (AtCommand("right"))
        {
            position += "right".Length + 1;
            close = Delimiter();
        }

        return $"<mrow>{Fence(open)}{inner}{Fence(close)}</mrow>";
    }

    /// <summary>The delimiter after \left, \right, \big...: its character, "" for ".", null (and a problem) if unknown.</summary>
    private string? Delimiter()
    {
        SkipSpace();
        if (position >= tex.Length)
        {
            problems.Add("a delimiter is missing at the end");
            return null;
        }

        var key = tex[position] == '\\' ? "\\" + ReadCommandName() : tex[position++].ToString();
        if (TexSymbols.Delimiters.TryGetValue(key, out var delimiter))
        {
            return delimiter;
        }

        problems.Add($"{key} is not a delimiter");
        return null;
    }

    private string Fence(string? delimiter) => delimiter switch
    {
        null => Problem("", "?"),
        "" => "",
        _ => $"<mo fence=\"true\" stretchy=\"true\">{delimiter}</mo>",
    };

    /// <summary>\big( and friends: TeX's fixed delimiter sizes.</summary>
    private string SizedFence(string? delimiter, string size) => delimiter switch
    {
        null => Problem("", "?"),
        "" => "",
        _ => $"<mo minsize=\"{size}\" maxsize=\"{size}\">{delimiter}</mo>",
    };

    private string ParseEnvironment()
    {
        var name = ReadBracedText();
        var layout = name switch
        {
            "aligned" or "align" or "align*" or "split" or "eqnarray" or "eqnarray*" => TexTable.Aligned,
            "gathered" or "gather" or "gather*" or "equation" or "equation*" or "multline" or "multline*" => TexTable.Gathered,
            "cases" => TexTable.Cases,
            "matrix" or "smallmatrix" => TexTable.Matrix("", ""),
            "pmatrix" => TexTable.Matrix("(", ")"),
            "bmatrix" => TexTable.Matrix("[", "]"),
            "Bmatrix" => TexTable.Matrix("{", "}"),
            "vmatrix" => TexTable.Matrix("|", "|"),
            "Vmatrix" => TexTable.Matrix("‖", "‖"),
            "array" => TexTable.Array(ReadBracedText()),
            _ => null,
        };
        var rows = ParseGrid(Stop.Environment);
        if (AtCommand("end"))
        {
            position += "end".Length + 1;
            var end = ReadBracedText();
            if (end != name)
            {
                problems.Add($"\\begin{{{name}}} ended by \\end{{{end}}}");
            }
        }

        var table = TexTable.Write(rows, layout ?? TexTable.Gathered);
        return layout is null ? Problem($"unknown environment {name}", name) + table : table;
    }

    /// <summary>\not=: the negated relation when Unicode has one, else the relation with a combining long solidus.</summary>
    private string Negate(string markup)
    {
        if (markup.StartsWith("<mo", StringComparison.Ordinal) && markup.EndsWith("</mo>", StringComparison.Ordinal))
        {
            var open = markup.IndexOf('>', StringComparison.Ordinal) + 1;
            var content = markup[open..^"</mo>".Length];
            var negated = TexSymbols.Negated.GetValueOrDefault(content, content + "\u0338");
            return $"<mo>{negated}</mo>";
        }

        return Problem("\\not before something that is not a relation", "not") + markup;
    }

    private string InAlphabet(MathAlphabet style)
    {
        var outer = alphabet;
        alphabet = style;
        var content = ParseArgument();
        alphabet = outer;
        return content;
    }

    private static string Space(double em) => em < 0
        ? $"<mspace style=\"margin-left:{Em(em)}\"></mspace>"
        : $"<mspace width=\"{Em(em)}\"></mspace>";

    /// <summary>\hspace{...}: a CSS length; TeX's mu (1/18 em) converted.</summary>
    private string Space(string length)
    {
        var trimmed = length.Trim();
        if (trimmed.EndsWith("mu", StringComparison.Ordinal) &&
            double.TryParse(trimmed[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var mu))
        {
            return Space(mu / 18);
        }

        var number = trimmed.TrimEnd("emxptcinm".ToCharArray());
        var unit = trimmed[number.Length..];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && unit is "em" or "ex" or "pt" or "px" or "cm" or "mm" or "in"
            ? $"<mspace width=\"{trimmed}\"></mspace>"
            : Problem($"\\hspace{{{length}}} is not a length", "hspace");
    }

    private static string Em(double em) => em.ToString("0.####", CultureInfo.InvariantCulture) + "em";

    /// <summary>A color name or #hex, nothing that could close the attribute.</summary>
    private static string CssWord(string word) => new([.. word.Where(c => char.IsAsciiLetterOrDigit(c) || c == '#')]);
}
