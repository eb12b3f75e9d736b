using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace NotebookRunner.Engine.Export;

/// <summary>Renders Markdig's $...$ and $$...$$ nodes as MathML (no JavaScript, no network).</summary>
public static class MathRenderers
{
    public static MarkdownPipelineBuilder Use(MarkdownPipelineBuilder builder)
    {
        builder.Extensions.Add(new MathMlExtension());
        return builder;
    }

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
        protected override void Write(HtmlRenderer renderer, MathBlock obj)
        {
            var tex = string.Join("\n", obj.Lines.Lines.Take(obj.Lines.Count).Select(l => l.Slice.ToString()));
            renderer.Write(TexToMathMl.Convert(tex, display: true));
        }
    }
}
