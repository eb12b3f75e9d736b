using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Backprop.Notebooks.Display;

/// <summary>
/// A small C# colouriser (VS Code's light palette) for showing library source: enough to make
/// comments, strings, keywords and type names stand out, with no script and no stylesheet.
/// </summary>
internal static partial class CSharpHighlighter
{
    private const string Comment = "#008000";
    private const string Text = "#a31515";
    private const string Keyword = "#0000ff";
    private const string Control = "#af00db";
    private const string Number = "#098658";
    private const string TypeName = "#267f99";
    private const string Method = "#795e26";

    /// <summary>How much further in than its line a wrapped continuation starts, in characters.</summary>
    public const int HangingIndent = 4;

    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "byte", "char", "checked", "class", "const", "decimal", "default",
        "delegate", "double", "enum", "event", "explicit", "extern", "false", "fixed", "float", "get", "init",
        "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "nint",
        "not", "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "record", "ref", "sbyte", "sealed", "set", "short", "sizeof", "stackalloc", "static",
        "string", "struct", "this", "true", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "var", "virtual", "void", "volatile", "and", "or", "with", "nameof", "value", "where",
    ];

    private static readonly HashSet<string> ControlKeywords =
    [
        "break", "case", "catch", "continue", "do", "else", "finally", "for", "foreach", "goto", "if",
        "return", "switch", "throw", "try", "while", "yield", "await",
    ];

    /// <summary>
    /// The code as coloured HTML, one block per line so that a long line wraps under its own
    /// indentation plus a hanging indent of <see cref="HangingIndent"/> characters instead of being cut.
    /// Taking the tags out and decoding the entities gives the code back exactly.
    /// </summary>
    public static string Highlight(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var lines = new List<StringBuilder> { new() };
        int at = 0;
        foreach (Match token in Token().Matches(code))
        {
            AppendSpan(lines, code[at..token.Index], null);
            at = token.Index + token.Length;
            string? color = token.Groups["comment"].Success ? Comment
                : token.Groups["string"].Success ? Text
                : token.Groups["number"].Success ? Number
                : token.Groups["preprocessor"].Success ? Keyword
                : IdentifierColor(token.Value, token.Groups["call"].Success);
            AppendSpan(lines, token.Value, color);
        }

        AppendSpan(lines, code[at..], null);
        var html = new StringBuilder(code.Length * 2);
        string[] source = code.Split('\n');
        for (int i = 0; i < lines.Count; i++)
        {
            // The newline stays inside the block: the text content is the code, and a line break that
            // ends a block draws no extra empty line.
            int hang = source[i].TakeWhile(c => c == ' ').Count() + HangingIndent;
            html.Append(CultureInfo.InvariantCulture, $"<span style=\"display:block;padding-left:{hang}ch;text-indent:-{hang}ch\">")
                .Append(lines[i])
                .Append(i < lines.Count - 1 ? "\n" : "")
                .Append("</span>");
        }

        return html.ToString();
    }

    /// <summary>
    /// The code with every comment, string and character literal and preprocessor line blanked out
    /// (newlines kept), so that braces, semicolons and names in it are the code's own.
    /// </summary>
    public static string CodeOnly(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var chars = code.ToCharArray();
        foreach (Match token in Token().Matches(code))
        {
            if (token.Groups["comment"].Success || token.Groups["string"].Success || token.Groups["preprocessor"].Success)
            {
                for (int i = token.Index; i < token.Index + token.Length; i++)
                {
                    chars[i] = chars[i] == '\n' ? '\n' : ' ';
                }
            }
        }

        return new string(chars);
    }

    /// <summary>Text in one colour, cut at line ends so that no span crosses from one line's block into the next.</summary>
    private static void AppendSpan(List<StringBuilder> lines, string text, string? color)
    {
        string[] parts = text.Split('\n');
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                lines.Add(new StringBuilder());
            }

            if (parts[i].Length > 0)
            {
                string encoded = WebUtility.HtmlEncode(parts[i]);
                lines[^1].Append(color is null ? encoded : $"<span style=\"color:{color}\">{encoded}</span>");
            }
        }
    }

    private static string? IdentifierColor(string word, bool isCall) =>
        Keywords.Contains(word) ? Keyword
        : ControlKeywords.Contains(word) ? Control
        : isCall ? Method
        : char.IsUpper(word[0]) ? TypeName
        : null;

    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<string>\$?"{3}[\s\S]*?"{3}|\$?@"(?:[^"]|"")*"|\$?"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])')
        |(?<preprocessor>^[ \t]*\#[^\n]*)
        |(?<number>\b(?:0[xX][0-9A-Fa-f_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)[dDfFmMuUlL]*\b)
        |(?<identifier>@?[A-Za-z_][A-Za-z0-9_]*)(?<call>(?=\s*(?:<[^<>()]*>)?\())?
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline)]
    private static partial Regex Token();
}
