using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Classification;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Backprop.Notebooks.Display;

/// <summary>
/// The repository's one C# highlighter: Roslyn's classifier says what each piece of code is, and the
/// HTML shows it in VS Code's light palette with inline colours, so it needs no script and no stylesheet.
/// Used for the library source panes (Backprop.Notebooks) and, through a project reference from the runner's engine,
/// for the code cells of the HTML export. Inside the .NET Interactive kernel the Roslyn it
/// uses is the kernel's own (the same 5.0.0).
/// </summary>
internal static class CSharpHighlighter
{
    private const string Comment = "#008000";
    private const string Text = "#a31515";
    private const string Escape = "#ee0000";
    private const string Keyword = "#0000ff";
    private const string Control = "#af00db";
    private const string Number = "#098658";
    private const string TypeName = "#267f99";
    private const string Method = "#795e26";

    /// <summary>How much further in than its line a wrapped continuation starts, in characters.</summary>
    public const int HangingIndent = 4;

    // Notebook cells are C# script (top-level statements, #r, #load); a library file parses as script
    // too, and its types and members classify the same, so one parse mode serves both.
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    // The kernel's default usings, so that Math.Sqrt or new List<int>() in a cell colour as they would run.
    private static readonly string[] Usings =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    // Creating the workspace composes Roslyn's MEF services, which takes a second or so: done once, on
    // first use (Lazy's default mode runs the factory on one thread only). Each call then forks this
    // immutable project, so calls on several threads never touch shared state.
    private static readonly Lazy<Project> BaseProject = new(CreateProject);

    private static readonly ConcurrentDictionary<string, MetadataReference> References = new(StringComparer.Ordinal);

    /// <summary>
    /// The code as coloured HTML, one block per line so that a long line wraps under its own indentation
    /// plus a hanging indent of <see cref="HangingIndent"/> characters instead of being cut. Taking the tags
    /// out and decoding the entities gives the code back exactly. Names from <paramref name="references"/>
    /// (besides the core framework) are classified as what they are; a name Roslyn cannot resolve still
    /// colours as a type or a method where the syntax alone says so (<c>Matrix&lt;double&gt; m</c>, <c>F(x)</c>).
    /// </summary>
    public static string Highlight(string code, IEnumerable<Assembly>? references = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        string?[] colours = Colours(code, references ?? []);
        var html = new StringBuilder(code.Length * 3);
        int lineStart = 0;
        while (true)
        {
            int newline = code.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? code.Length : newline;
            int hang = code.AsSpan(lineStart, lineEnd - lineStart).IndexOfAnyExcept(' ') switch
            {
                < 0 => lineEnd - lineStart,
                int spaces => spaces,
            } + HangingIndent;
            html.Append(CultureInfo.InvariantCulture, $"<span style=\"display:block;padding-left:{hang}ch;text-indent:-{hang}ch\">");
            for (int at = lineStart; at < lineEnd;)
            {
                int run = at + 1;
                while (run < lineEnd && colours[run] == colours[at])
                {
                    run++;
                }

                string encoded = WebUtility.HtmlEncode(code[at..run]);
                html.Append(colours[at] is { } colour ? $"<span style=\"color:{colour}\">{encoded}</span>" : encoded);
                at = run;
            }

            // The newline stays inside the block: the text content is the code, and a line break that
            // ends a block draws no extra empty line.
            if (newline < 0)
            {
                html.Append("</span>");
                return html.ToString();
            }

            html.Append("\n</span>");
            lineStart = newline + 1;
        }
    }

    /// <summary>
    /// The code with every comment, string and character literal and preprocessor line blanked out
    /// (newlines kept), so that braces, semicolons and names in it are the code's own.
    /// </summary>
    public static string CodeOnly(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        char[] chars = code.ToCharArray();
        SyntaxNode root = CSharpSyntaxTree.ParseText(code).GetRoot();
        foreach (SyntaxTrivia trivia in root.DescendantTrivia())
        {
            if (trivia.IsDirective || IsComment(trivia) || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                Blank(chars, trivia.Span);
            }
        }

        // An interpolated string goes whole, holes and all, as a string literal does.
        foreach (SyntaxNode text in root.DescendantNodes(node => !IsText(node)).Where(IsText))
        {
            Blank(chars, text.Span);
        }

        return new string(chars);
    }

    /// <summary>A colour (or none) for each character of the code.</summary>
    private static string?[] Colours(string code, IEnumerable<Assembly> references)
    {
        Document document = BaseProject.Value
            .AddMetadataReferences(references.Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => ReferenceTo(a.Location)))
            .AddDocument("code.csx", SourceText.From(code));
        // On the thread pool: a formatter may run where a synchronisation context would deadlock the wait.
        (IEnumerable<ClassifiedSpan> spans, SyntaxNode root) = Task.Run(async () => (
            await Classifier.GetClassifiedSpansAsync(document, new TextSpan(0, code.Length)).ConfigureAwait(false),
            (await document.GetSyntaxRootAsync().ConfigureAwait(false))!)).GetAwaiter().GetResult();

        var colours = new string?[code.Length];
        foreach (ClassifiedSpan span in spans)
        {
            string? colour = span.ClassificationType == ClassificationTypeNames.Identifier
                ? Unresolved(root.FindToken(span.TextSpan.Start))
                : ColourOf(span.ClassificationType, code, span.TextSpan);
            // Some classifications add to another (a static method is "method name" and "static symbol");
            // those have no colour of their own and leave the one before.
            if (colour is not null)
            {
                Array.Fill(colours, colour, span.TextSpan.Start, span.TextSpan.Length);
            }
        }

        return colours;
    }

    private static string? ColourOf(string classification, string code, TextSpan span) => classification switch
    {
        // A "#!time" or "#!set" line is a kernel magic command, though Roslyn reads "#!" as a comment.
        ClassificationTypeNames.Comment when code.AsSpan(span.Start, span.Length).StartsWith("#!", StringComparison.Ordinal) => Keyword,
        ClassificationTypeNames.Comment or ClassificationTypeNames.ExcludedCode => Comment,
        _ when classification.StartsWith("xml doc comment", StringComparison.Ordinal) => Comment,
        ClassificationTypeNames.Keyword or ClassificationTypeNames.PreprocessorKeyword or ClassificationTypeNames.PreprocessorText => Keyword,
        ClassificationTypeNames.ControlKeyword => Control,
        ClassificationTypeNames.StringLiteral or ClassificationTypeNames.VerbatimStringLiteral => Text,
        ClassificationTypeNames.StringEscapeCharacter => Escape,
        ClassificationTypeNames.NumericLiteral => Number,
        ClassificationTypeNames.ClassName or ClassificationTypeNames.RecordClassName or ClassificationTypeNames.StructName
            or ClassificationTypeNames.RecordStructName or ClassificationTypeNames.InterfaceName or ClassificationTypeNames.EnumName
            or ClassificationTypeNames.DelegateName or ClassificationTypeNames.TypeParameterName => TypeName,
        ClassificationTypeNames.MethodName or ClassificationTypeNames.ExtensionMethodName => Method,
        _ => null, // locals, parameters, fields, properties, namespaces, operators and punctuation stay plain
    };

    /// <summary>
    /// A name Roslyn could not resolve (a type from a package the highlighter was not given, say): a type
    /// or a method when its place in the syntax says so, else plain.
    /// </summary>
    private static string? Unresolved(SyntaxToken token)
    {
        if (token.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        ExpressionSyntax called = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        if (called.Parent is InvocationExpressionSyntax invocation && invocation.Expression == called)
        {
            return Method;
        }

        // A generic name that is not called can only be a type (Matrix<double>.Build).
        return name is GenericNameSyntax || SyntaxFacts.IsInTypeOnlyContext(name) ? TypeName : null;
    }

    private static Project CreateProject()
    {
        // The core framework from the running one: enough for System's types and LINQ's methods.
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        IEnumerable<MetadataReference> framework = new[] { "System.Private.CoreLib", "System.Runtime", "System.Console", "System.Linq", "System.Collections", "netstandard" }
            .Select(name => Path.Combine(runtime, name + ".dll"))
            .Where(File.Exists)
            .Select(ReferenceTo);
        return new AdhocWorkspace().CurrentSolution
            .AddProject("highlight", "highlight", LanguageNames.CSharp)
            .WithParseOptions(ScriptOptions)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: Usings))
            .WithMetadataReferences(framework);
    }

    /// <summary>One reference per file for the process's life: Roslyn then reads each assembly's metadata once.</summary>
    private static MetadataReference ReferenceTo(string path) => References.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));

    private static bool IsComment(SyntaxTrivia trivia) =>
        trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
            or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia;

    private static bool IsText(SyntaxNode node) =>
        node.Kind() is SyntaxKind.StringLiteralExpression or SyntaxKind.CharacterLiteralExpression
            or SyntaxKind.Utf8StringLiteralExpression or SyntaxKind.InterpolatedStringExpression;

    private static void Blank(char[] chars, TextSpan span)
    {
        for (int i = span.Start; i < span.End; i++)
        {
            chars[i] = chars[i] == '\n' ? '\n' : ' ';
        }
    }
}
