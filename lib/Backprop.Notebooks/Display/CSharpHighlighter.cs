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

    public static string Highlight(string code)
    {
        var html = new StringBuilder();
        int at = 0;
        foreach (Match token in Token().Matches(code))
        {
            html.Append(WebUtility.HtmlEncode(code[at..token.Index]));
            at = token.Index + token.Length;
            string text = token.Value;
            string? color = token.Groups["comment"].Success ? Comment
                : token.Groups["string"].Success ? Text
                : token.Groups["number"].Success ? Number
                : token.Groups["preprocessor"].Success ? Keyword
                : IdentifierColor(text, token.Groups["call"].Success);
            html.Append(color is null ? WebUtility.HtmlEncode(text) : $"<span style=\"color:{color}\">{WebUtility.HtmlEncode(text)}</span>");
        }

        return html.Append(WebUtility.HtmlEncode(code[at..])).ToString();
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
