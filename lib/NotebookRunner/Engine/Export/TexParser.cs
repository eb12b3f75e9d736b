using System.Globalization;
using System.Text;

namespace NotebookRunner.Engine.Export;

/// <summary>
/// Recursive descent over TeX math, writing MathML Core as it goes. It never throws: anything it cannot read is
/// written as an &lt;merror&gt; holding the command's bare name (so the page shows where, without a raw backslash)
/// and described in the problem list the caller passed in.
/// </summary>
internal sealed class TexParser
{
    private readonly string tex;
    private readonly bool display;
    private readonly List<string> problems;
    private int position;
    private MathAlphabet alphabet = MathAlphabet.Default;

    public TexParser(string tex, bool display, List<string> problems)
    {
        this.tex = tex;
        this.display = display;
        this.problems = problems;
    }

    /// <summary>What ends a row: the end of input, a closing brace, \right, \end{...}, a closing $ or ].</summary>
    private enum Stop
    {
        End,
        Brace,
        Right,
        Environment,
        Dollar,
        Bracket,
    }

    /// <summary>Why a table cell ended: & starts the next column, \\ the next row.</summary>
    private enum Separator
    {
        None,
        Column,
        Row,
    }

    /// <summary>The whole formula. A \\ or & at the top level makes it a table, as if wrapped in gathered/aligned.</summary>
    public string ParseFormula()
    {
        var rows = ParseGrid(Stop.End);
        if (rows is [[var only]])
        {
            return only;
        }

        return TexTable.Write(rows, rows.Any(r => r.Count > 1) ? TexTable.Aligned : TexTable.Gathered);
    }

    private List<List<string>> ParseGrid(Stop stop)
    {
        var rows = new List<List<string>> { new() };
        while (true)
        {
            var (cell, separator) = ParseRow(stop, inTable: true);
            rows[^1].Add(cell);
            if (separator == Separator.None)
            {
                break;
            }

            if (separator == Separator.Row)
            {
                rows.Add([]);
            }
        }

        // A \\ after the last row (common before \end) does not open an empty row.
        if (rows.Count > 1 && rows[^1] is [""])
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return rows;
    }

    private (string Markup, Separator Separator) ParseRow(Stop stop, bool inTable)
    {
        var row = new StringBuilder();
        var afterOperator = true;
        while (true)
        {
            SkipSpace();
            if (position >= tex.Length)
            {
                if (stop != Stop.End)
                {
                    problems.Add(stop switch
                    {
                        Stop.Right => "\\left without \\right",
                        Stop.Environment => "\\begin without \\end",
                        Stop.Dollar => "$ without its closing $",
                        Stop.Bracket => "[ without its closing ]",
                        _ => "{ without its closing }",
                    });
                }

                return (row.ToString(), Separator.None);
            }

            var c = tex[position];
            if ((c == '}' && stop == Stop.Brace) || (c == '$' && stop == Stop.Dollar) || (c == ']' && stop == Stop.Bracket))
            {
                position++;
                return (row.ToString(), Separator.None);
            }

            if ((stop == Stop.Right && AtCommand("right")) || (stop == Stop.Environment && AtCommand("end")))
            {
                return (row.ToString(), Separator.None);
            }

            if (c == '}')
            {
                position++;
                row.Append(Problem("} without its opening {", "}"));
            }
            else if (c == '&')
            {
                position++;
                if (inTable)
                {
                    return (row.ToString(), Separator.Column);
                }

                row.Append(Problem("& outside a table", "&"));
            }
            else if (AtCommand("\\"))
            {
                position += 2;
                SkipOptionalBracket();
                if (inTable)
                {
                    return (row.ToString(), Separator.Row);
                }

                row.Append(Problem("line break \\\\ inside a group", "↵"));
            }
            else if (TryStyleSwitch(out var open))
            {
                // \displaystyle, \color{...}: everything after it in the same group or cell.
                var rest = ParseRow(stop, inTable);
                row.Append(open).Append(rest.Markup).Append("</mstyle>");
                return (row.ToString(), rest.Separator);
            }
            else
            {
                var item = ParseScripted();
                if (afterOperator && item is "<mo>−</mo>" or "<mo>+</mo>" or "<mo>±</mo>" or "<mo>∓</mo>")
                {
                    // TeX's rule: a sign with no operand before it (first, or after (, =, +, a comma) is unary,
                    // so it hugs what follows instead of being spaced as a binary operator.
                    item = item.Replace("<mo>", "<mo lspace=\"0\" rspace=\"0\">", StringComparison.Ordinal);
                }

                if (!item.StartsWith("<mspace", StringComparison.Ordinal))
                {
                    afterOperator = EndsInOperator(item);
                }

                row.Append(item);
            }
        }
    }

    /// <summary>
    /// Whether a sign after this item would have no left operand: the item ends in an operator, relation, opening
    /// delimiter or punctuation, not in a closing delimiter or a symbol TeX counts as ordinary (|, /, !, ′).
    /// </summary>
    private static bool EndsInOperator(string item)
    {
        if (!item.EndsWith("</mo>", StringComparison.Ordinal))
        {
            return false;
        }

        var open = item.LastIndexOf("<mo", StringComparison.Ordinal);
        var content = item[(item.IndexOf('>', open) + 1)..^"</mo>".Length];
        return content is not (")" or "]" or "}" or "|" or "‖" or "⟩" or "⌋" or "⌉" or "′" or "/" or "." or "?" or "!" or "@" or "\"");
    }

    private bool TryStyleSwitch(out string open)
    {
        open = "";
        foreach (var (name, attributes) in (ReadOnlySpan<(string, string)>)
                 [("displaystyle", "displaystyle=\"true\" scriptlevel=\"0\""), ("textstyle", "displaystyle=\"false\" scriptlevel=\"0\""),
                  ("scriptstyle", "displaystyle=\"false\" scriptlevel=\"1\""), ("scriptscriptstyle", "displaystyle=\"false\" scriptlevel=\"2\"")])
        {
            if (AtCommand(name))
            {
                position += name.Length + 1;
                open = $"<mstyle {attributes}>";
                return true;
            }
        }

        if (AtCommand("color"))
        {
            position += "color".Length + 1;
            open = $"<mstyle style=\"color:{CssWord(ReadBracedText())}\">";
            return true;
        }

        return false;
    }

    private string ParseScripted()
    {
        var atom = ParseAtom(single: false);
        string? sub = null, sup = null;
        var primes = "";
        while (true)
        {
            SkipSpace();
            if (AtCommand("limits") || AtCommand("nolimits"))
            {
                var limits = AtCommand("limits");
                position += limits ? "limits".Length + 1 : "nolimits".Length + 1;
                atom = limits
                    ? atom with { Placement = ScriptPlacement.Under, Markup = atom.Markup.StartsWith("<mo ", StringComparison.Ordinal) && !atom.Markup.Contains("movablelimits", StringComparison.Ordinal) ? "<mo movablelimits=\"false\" " + atom.Markup[4..] : atom.Markup }
                    : atom with { Placement = ScriptPlacement.Beside };
            }
            else if (Peek('_') && sub is null)
            {
                position++;
                sub = ParseArgument();
            }
            else if (Peek('^') && sup is null)
            {
                position++;
                sup = ParseArgument();
            }
            else if (Peek('\''))
            {
                position++;
                primes += "<mo lspace=\"0\" rspace=\"0\">′</mo>";
            }
            else
            {
                break;
            }
        }

        if (primes.Length > 0 && sub is null && sup is null)
        {
            // A math font's ′ is already drawn raised at full size; as a superscript it would shrink to a speck.
            return atom.Markup + primes + atom.After;
        }

        if (primes.Length > 0)
        {
            sup = primes + sup;
        }

        if (atom.After.Length > 0 && !BeforeOpeningOrEnd())
        {
            // TeX puts a thin space between a function name and a plain argument (\tanh x), none before "(".
            atom = atom with { After = atom.After.Replace("<mo>", "<mo rspace=\"0.1667em\">", StringComparison.Ordinal) };
        }

        if (sub is null && sup is null)
        {
            return atom.Markup + atom.After;
        }

        var (under, over, both) = atom.Placement == ScriptPlacement.Beside ? ("msub", "msup", "msubsup") : ("munder", "mover", "munderover");
        var scripted = (sub, sup) switch
        {
            (not null, null) => $"<{under}>{Wrap(atom.Markup)}{Wrap(sub)}</{under}>",
            (null, not null) => $"<{over}>{Wrap(atom.Markup)}{Wrap(sup)}</{over}>",
            _ => $"<{both}>{Wrap(atom.Markup)}{Wrap(sub!)}{Wrap(sup!)}</{both}>",
        };
        return scripted + atom.After;
    }

    /// <summary>The argument of a command or of ^ and _: a {group}, or else one token (one digit of a number).</summary>
    private string ParseArgument()
    {
        SkipSpace();
        if (Peek('{'))
        {
            position++;
            return ParseRow(Stop.Brace, inTable: false).Markup;
        }

        var atom = ParseAtom(single: true);
        return atom.Markup + atom.After;
    }

    private TexAtom ParseAtom(bool single)
    {
        SkipSpace();
        if (position >= tex.Length)
        {
            return new(Problem("an argument is missing at the end", "?"));
        }

        var c = tex[position];
        switch (c)
        {
            case '{':
                position++;
                return new($"<mrow>{ParseRow(Stop.Brace, inTable: false).Markup}</mrow>");
            case '\\':
                return ParseCommand();
            case '^' or '_':
                // A script with nothing before it ({}^2, or ^2 at the start) sits on an empty base.
                return new("<mrow></mrow>");
            case '}' or '&':
                return new(Problem($"an argument is missing before {c}", "?"));
            case '~':
                position++;
                return new(Space(1.0 / 3));
        }

        if (char.IsAsciiDigit(c) || (c == '.' && position + 1 < tex.Length && char.IsAsciiDigit(tex[position + 1])))
        {
            var start = position++;
            while (!single && position < tex.Length &&
                   (char.IsAsciiDigit(tex[position]) || (tex[position] == '.' && position + 1 < tex.Length && char.IsAsciiDigit(tex[position + 1]))))
            {
                position++;
            }

            return new($"<mn>{MathAlphabets.Apply(alphabet, tex[start..position])}</mn>");
        }

        if (char.IsAsciiLetter(c) && alphabet != MathAlphabet.Default)
        {
            // Letters under \mathrm and friends read as one word: \mathrm{relu} is a name, not r·e·l·u.
            var start = position++;
            while (!single && position < tex.Length && char.IsAsciiLetter(tex[position]))
            {
                position++;
            }

            var word = MathAlphabets.Apply(alphabet, tex[start..position]);
            return new(alphabet == MathAlphabet.Roman && word.Length == 1 ? $"<mi mathvariant=\"normal\">{word}</mi>" : $"<mi>{word}</mi>");
        }

        position++;
        if (char.IsLetter(c))
        {
            return new($"<mi>{Escape(c.ToString())}</mi>");
        }

        return new(c switch
        {
            '-' => "<mo>−</mo>",
            '*' => "<mo>∗</mo>",
            '\'' => "<mo>′</mo>",
            // Written parentheses keep their size, as in TeX; only \left ... \right grows.
            '(' or ')' or '[' or ']' => $"<mo stretchy=\"false\">{c}</mo>",
            // TeX sets these as ordinary symbols: no space either side (|x| is not an operator).
            '|' or '/' => $"<mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">{c}</mo>",
            '.' or '?' or '!' or '@' or '"' => $"<mo lspace=\"0\" rspace=\"0\">{Escape(c.ToString())}</mo>",
            _ => $"<mo>{Escape(c.ToString())}</mo>",
        });
    }

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

    private string ReadCommandName()
    {
        position++; // the backslash
        var start = position;
        if (position >= tex.Length)
        {
            return "";
        }

        if (!char.IsAsciiLetter(tex[position]))
        {
            position++;
            return tex[start..position];
        }

        while (position < tex.Length && char.IsAsciiLetter(tex[position]))
        {
            position++;
        }

        return tex[start..position];
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

    /// <summary>\text{...}: words, where \_ \% \& \# \{ \} \$ stand for their characters and $...$ is math again.</summary>
    private string ParseText(string style)
    {
        var markup = new StringBuilder();
        var text = new StringBuilder();
        var styleAttribute = style.Length == 0 ? "" : $" style=\"{style}\"";

        void Flush()
        {
            if (text.Length > 0)
            {
                // The browser trims spaces at the edges of a token; TeX keeps them, so they become no-break spaces.
                var words = text.ToString();
                var trimmed = words.Trim(' ');
                var lead = new string('\u00A0', words.Length - words.TrimStart(' ').Length);
                var trail = new string('\u00A0', words.Length - words.TrimEnd(' ').Length);
                markup.Append($"<mtext{styleAttribute}>{Escape(trimmed.Length == 0 ? lead : lead + trimmed + trail)}</mtext>");
                text.Clear();
            }
        }

        SkipSpace();
        if (!Peek('{'))
        {
            // \text x: one character (or one command), as in TeX.
            if (Peek('\\'))
            {
                var name = ReadCommandName();
                if (TextCommand(name) is { } single)
                {
                    text.Append(single);
                }
                else
                {
                    markup.Append(Problem($"unknown command \\{name} in text", name == "\\" ? "↵" : name));
                }
            }
            else if (position < tex.Length)
            {
                text.Append(tex[position++]);
            }

            Flush();
            return markup.ToString();
        }

        position++;
        var depth = 0;
        while (true)
        {
            if (position >= tex.Length)
            {
                problems.Add("\\text{ without its closing }");
                break;
            }

            var c = tex[position++];
            if (c == '}' && depth == 0)
            {
                break;
            }

            switch (c)
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    break;
                case '~':
                    text.Append('\u00A0');
                    break;
                case '$':
                    Flush();
                    var outer = alphabet;
                    alphabet = MathAlphabet.Default;
                    markup.Append(ParseRow(Stop.Dollar, inTable: false).Markup);
                    alphabet = outer;
                    break;
                case '\\':
                    position--;
                    var name = ReadCommandName();
                    var character = TextCommand(name);
                    if (character is null)
                    {
                        Flush();
                        markup.Append(Problem($"unknown command \\{name} in text", name == "\\" ? "↵" : name));
                    }
                    else
                    {
                        text.Append(character);
                    }

                    if (name.Length > 0 && char.IsAsciiLetter(name[0]))
                    {
                        // TeX drops the spaces after a control word.
                        SkipSpace();
                    }

                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        if (text.Length == 0 || text[^1] != ' ')
                        {
                            text.Append(' ');
                        }
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        Flush();
        return markup.ToString();
    }

    /// <summary>What a command stands for inside \text (null when it means nothing there).</summary>
    private static string? TextCommand(string name) => name switch
    {
        "_" or "%" or "&" or "#" or "{" or "}" or "$" => name,
        " " => " ",
        "," or "thinspace" => "\u2009",
        ":" or ";" or "enspace" => "\u2005",
        "!" => "",
        "quad" => "\u2003",
        "qquad" => "\u2003\u2003",
        "ldots" or "dots" or "textellipsis" => "…",
        "textunderscore" => "_",
        "textbackslash" => "\\",
        "textendash" => "–",
        "textemdash" => "—",
        _ => null,
    };

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

    /// <summary>The raw text of a {group} (environment names, colors, array column specs, lengths).</summary>
    private string ReadBracedText()
    {
        SkipSpace();
        if (!Peek('{'))
        {
            problems.Add("{ expected");
            return "";
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

        problems.Add("{ without its closing }");
        return tex[start..];
    }

    private void SkipOptionalBracket()
    {
        var save = position;
        SkipSpace();
        if (!Peek('['))
        {
            position = save;
            return;
        }

        var close = tex.IndexOf(']', position);
        position = close < 0 ? save : close + 1;
    }

    /// <summary>True when the input continues with \name as a whole command (\right, not the start of \rightarrow).</summary>
    private bool AtCommand(string name)
    {
        if (!tex.AsSpan(position).StartsWith("\\" + name, StringComparison.Ordinal))
        {
            return false;
        }

        var after = position + 1 + name.Length;
        return !char.IsAsciiLetter(name[^1]) || after >= tex.Length || !char.IsAsciiLetter(tex[after]);
    }

    private bool BeforeOpeningOrEnd()
    {
        SkipSpace();
        return position >= tex.Length || "([{}|=<>,;:&$]".Contains(tex[position], StringComparison.Ordinal) ||
               AtCommand("left") || AtCommand("big") || AtCommand("Big") || AtCommand("bigl") || AtCommand("Bigl") ||
               AtCommand("bigg") || AtCommand("Bigg") || AtCommand("{") || AtCommand("langle") || AtCommand("\\") ||
               AtCommand(",") || AtCommand(";") || AtCommand("quad") || AtCommand("qquad") || AtCommand("right") || AtCommand("end");
    }

    private bool Peek(char c) => position < tex.Length && tex[position] == c;

    private void SkipSpace()
    {
        while (position < tex.Length)
        {
            if (char.IsWhiteSpace(tex[position]))
            {
                position++;
            }
            else if (tex[position] == '%')
            {
                // A TeX comment runs to the end of the line.
                var end = tex.IndexOf('\n', position);
                position = end < 0 ? tex.Length : end + 1;
            }
            else
            {
                return;
            }
        }
    }

    private string Problem(string message, string shown)
    {
        if (message.Length > 0)
        {
            problems.Add(message);
        }

        return $"<merror><mtext>{Escape(shown)}</mtext></merror>";
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

    private static string Wrap(string content) => $"<mrow>{content}</mrow>";

    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
