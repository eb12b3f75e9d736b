using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookRunner.Engine.Export;

/// <summary>
/// A small C# highlighter for the HTML export: keywords, strings, comments, numbers, types and directives become
/// spans with classes; everything is HTML-encoded.
/// </summary>
public static partial class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "get", "goto", "if", "implicit", "in", "init", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "record", "ref", "return", "sbyte",
        "sealed", "set", "short", "sizeof", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var", "virtual", "void", "volatile",
        "when", "where", "while", "with", "yield", "nameof", "not", "and", "or",
    ];

    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*.*?\*/)
        |(?<directive>^[ \t]*\#[a-z!]+[^\n]*)
        |(?<string>\$?@?"(?:[^"\\\n]|\\.|"")*"|'(?:[^'\\\n]|\\.)')
        |(?<number>\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[dDfFmMlL]?\b)
        |(?<word>\b[A-Za-z_][A-Za-z0-9_]*\b)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Token();

    public static string ToHtml(string code)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match match in Token().Matches(code))
        {
            html.Append(WebUtility.HtmlEncode(code[last..match.Index]));
            var css = match.Groups["comment"].Success ? "cm"
                : match.Groups["directive"].Success ? "dr"
                : match.Groups["string"].Success ? "st"
                : match.Groups["number"].Success ? "nu"
                : Keywords.Contains(match.Value) ? "kw"
                : char.IsUpper(match.Value[0]) ? "ty"
                : null;
            var text = WebUtility.HtmlEncode(match.Value);
            html.Append(css is null ? text : $"<span class=\"{css}\">{text}</span>");
            last = match.Index + match.Length;
        }

        html.Append(WebUtility.HtmlEncode(code[last..]));
        return html.ToString();
    }
}
