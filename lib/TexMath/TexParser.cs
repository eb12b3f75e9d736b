using System.Text;

namespace TexMath;

/// <summary>
/// Recursive descent over TeX math, writing MathML Core as it goes. It never throws: anything it cannot read is
/// written as an &lt;merror&gt; holding the command's bare name (so the page shows where, without a raw backslash)
/// and described in the problem list the caller passed in.
/// </summary>
internal sealed partial class TexParser
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
                atom = limits ? atom with { Placement = ScriptPlacement.Under, Markup = Immovable(atom.Markup) } : atom with { Placement = ScriptPlacement.Beside };
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

    /// <summary>\limits: an operator whose limits the browser must not move aside, even inline.</summary>
    private static string Immovable(string markup) =>
        markup.StartsWith("<mo ", StringComparison.Ordinal) && !markup.Contains("movablelimits", StringComparison.Ordinal)
            ? "<mo movablelimits=\"false\" " + markup[4..]
            : markup;

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
        if (char.IsHighSurrogate(c) && position < tex.Length && char.IsLowSurrogate(tex[position]))
        {
            // A character beyond the BMP (𝐱 typed directly): both halves, as one identifier.
            return new($"<mi>{tex[(position - 1)..++position]}</mi>");
        }

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

    private static string Wrap(string content) => $"<mrow>{content}</mrow>";

    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
