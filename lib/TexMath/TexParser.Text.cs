using System.Text;

namespace TexMath;

/// <summary>Text mode, inside \text{...} and friends.</summary>
internal sealed partial class TexParser
{
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
                // Chromium drops the spaces at the edges of a token ("loss " measures as wide as "loss"); TeX keeps them.
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
}
