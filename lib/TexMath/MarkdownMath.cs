using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace TexMath;

/// <summary>
/// Markdown with TeX math, as notebooks write it, to HTML with MathML (Markdig, its $...$ and $$...$$ nodes rendered by
/// <see cref="TexToMathMl"/>: no JavaScript, no network).
/// </summary>
public static partial class MarkdownMath
{
    private static readonly MarkdownPipeline Pipeline = Use(new MarkdownPipelineBuilder().UseAdvancedExtensions().UseMathematics()).Build();

    public static string ToHtml(string markdown) => Markdown.ToHtml(JoinDisplayMath(markdown), Pipeline);

    /// <summary>The $...$ and $$...$$ formulas of a markdown text, in order, exactly as the renderers receive them (none inside code).</summary>
    public static IEnumerable<(string Tex, bool Display)> Formulas(string markdown)
    {
        foreach (var node in Markdown.Parse(JoinDisplayMath(markdown), Pipeline).Descendants())
        {
            switch (node)
            {
                case MathBlock block:
                    yield return (TexOf(block), true);
                    break;
                case MathInline inline:
                    yield return (inline.Content.ToString(), inline.DelimiterCount == 2);
                    break;
            }
        }
    }

    private static MarkdownPipelineBuilder Use(MarkdownPipelineBuilder builder)
    {
        builder.Extensions.Add(new MathMlExtension());
        return builder;
    }

    /// <summary>
    /// Markdig reads $$...$$ inside a paragraph only when it stays on one line; notebooks (as VS Code renders them)
    /// let display math run over several lines, so those line breaks become spaces. Code (quotes, backticks) is left alone.
    /// </summary>
    private static string JoinDisplayMath(string markdown) =>
        DisplayMath().Replace(markdown, m => m.Value.Contains('"', StringComparison.Ordinal) || m.Value.Contains('`', StringComparison.Ordinal)
            ? m.Value
            : m.Value.ReplaceLineEndings(" "));

    [System.Text.RegularExpressions.GeneratedRegex(@"\$\$[^$]+?\$\$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex DisplayMath();

    private static string TexOf(MathBlock block) =>
        string.Join("\n", block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()));

    private sealed class MathMlExtension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html)
            {
                html.ObjectRenderers.Insert(0, new InlineRenderer());
                html.ObjectRenderers.Insert(0, new BlockRenderer());
            }
        }
    }

    private sealed class InlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline obj) =>
            renderer.Write(TexToMathMl.Convert(obj.Content.ToString(), display: obj.DelimiterCount == 2));
    }

    private sealed class BlockRenderer : HtmlObjectRenderer<MathBlock>
    {
        protected override void Write(HtmlRenderer renderer, MathBlock obj) =>
            renderer.Write(TexToMathMl.Convert(TexOf(obj), display: true));
    }
}
