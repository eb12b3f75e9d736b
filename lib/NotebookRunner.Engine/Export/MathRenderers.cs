using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using TexMath;

namespace NotebookRunner.Engine.Export;

/// <summary>Renders Markdig's $...$ and $$...$$ nodes as MathML (no JavaScript, no network).</summary>
public static class MathRenderers
{
    public static MarkdownPipelineBuilder Use(MarkdownPipelineBuilder builder)
    {
        builder.Extensions.Add(new MathMlExtension());
        return builder;
    }

    /// <summary>Every formula in a parsed document, in order, exactly as the renderers below receive it.</summary>
    public static IEnumerable<(string Tex, bool Display)> Formulas(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
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
