using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Notebooks.Tests.Editions;

/// <summary>
/// A code cell as the C# tokens that make its meaning: comments, whitespace and directives (<c>#load</c>, <c>#r</c>)
/// are trivia and drop out; a string literal keeps its kind but not its contents, so a translated message or
/// comment leaves the tokens as they were while a changed name, number or operator does not.
/// </summary>
internal static class CodeTokens
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>Each token's text (a literal's kind instead), with the 1-based line it starts on.</summary>
    public static IReadOnlyList<(string Token, int Line)> Of(string code) =>
        CSharpSyntaxTree.ParseText(code, Script).GetRoot().DescendantTokens()
            .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && !IsInterpolatedText(t))
            .Select(t => (IsStringLiteral(t) ? t.Kind().ToString() : t.Text, t.GetLocation().GetLineSpan().StartLinePosition.Line + 1))
            .ToList();

    /// <summary>The <c>#r "nuget: …"</c> directives, which must stay as in the English (the paths of other #r may not).</summary>
    public static IReadOnlyList<string> NugetReferences(string code) =>
        CSharpSyntaxTree.ParseText(code, Script).GetRoot().DescendantTrivia()
            .Select(t => t.GetStructure()).OfType<ReferenceDirectiveTriviaSyntax>()
            .Select(r => r.File.ValueText).Where(f => f.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>What a reader reads in a code cell: each comment's text and each string literal's contents.</summary>
    public static IReadOnlyList<string> Prose(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, Script).GetRoot();
        var comments = root.DescendantTrivia().Where(t => t.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
            or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia).Select(t => t.ToFullString());
        var strings = root.DescendantTokens().Where(t => IsStringLiteral(t) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)).Select(t => t.ValueText);
        return [.. comments, .. strings];
    }

    private static bool IsStringLiteral(SyntaxToken t) => t.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken
        or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
        or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken;

    /// <summary>The text between the holes of <c>$"…{x}…"</c> (present or absent as the language needs), but not a hole's format (<c>{x:F4}</c>).</summary>
    private static bool IsInterpolatedText(SyntaxToken t) =>
        t.IsKind(SyntaxKind.InterpolatedStringTextToken) && t.Parent is not InterpolationFormatClauseSyntax;
}
