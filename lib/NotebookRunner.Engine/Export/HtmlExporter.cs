using System.Globalization;
using System.Net;
using Backprop.Notebooks.Display;
using NotebookRunner.Engine.Formats;
using TexMath;

namespace NotebookRunner.Engine.Export;

/// <summary>
/// One standalone HTML page per notebook: markdown rendered (Markdig, TeX as MathML), C# cells highlighted (Roslyn's
/// classification, by the highlighter the notebooks' source panes use), outputs shown.
/// When any output draws a Plotly chart, plotly.js is inlined once in &lt;head&gt;, so the page works offline.
/// A page with editions in other languages opens with a bar linking them (<see cref="Editions"/>).
/// </summary>
public static class HtmlExporter
{
    /// <param name="navigation">A site's navigation (<see cref="Site"/>): its bar under the language bar, its previous and next at the end.</param>
    /// <param name="plotlySrc">Where the site's one copy of plotly.js is, relative to the page; null inlines it in the page.</param>
    public static string Export(
        Notebook notebook, string title, Editions.Language? language = null, IReadOnlyList<(Editions.Language Language, string Href)>? editions = null,
        Site.PageNavigation? navigation = null, string? plotlySrc = null)
    {
        language ??= Editions.English;
        var body = string.Concat(notebook.Cells.Select(RenderCell));

        // Once, when a chart needs it, loaded before the body: the charts' loader sees window.Plotly and never reaches
        // for the network. A site links its one copy; a loose page carries its own.
        var plotly = !body.Contains("Plotly.newPlot", StringComparison.Ordinal) ? ""
            : plotlySrc is not null ? $"<script type=\"text/javascript\" src=\"{WebUtility.HtmlEncode(plotlySrc)}\"></script>\n"
            : $"<script type=\"text/javascript\">\n{PlotlyScript.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}\n</script>\n";
        if (navigation is not null)
        {
            body = navigation.Top + body + navigation.Bottom;
        }

        return $"<!DOCTYPE html>\n<html lang=\"{language.Code}\">\n<head>\n<meta charset=\"utf-8\">\n" +
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
               $"<title>{WebUtility.HtmlEncode(title)}</title>\n<style>\n{Style}</style>\n{plotly}" +
               $"</head>\n<body>\n<main>\n{LanguageBar(language, editions ?? [])}{body}</main>\n</body>\n</html>\n";
    }

    /// <summary>A page linking the exported notebooks, in run order, each under its first heading; titled in its language.</summary>
    /// <param name="about">A site's front matter (what this is, where to run it), shown above the list, which is then numbered.</param>
    public static string Index(
        IEnumerable<(string Title, string Href)> pages, Editions.Language? language = null, IReadOnlyList<(Editions.Language Language, string Href)>? editions = null,
        string? about = null)
    {
        language ??= Editions.English;
        var list = string.Concat(pages.Select(p => $"<li><a href=\"{WebUtility.HtmlEncode(p.Href)}\">{WebUtility.HtmlEncode(p.Title)}</a></li>\n"));
        var title = WebUtility.HtmlEncode(language.IndexTitle);
        var (open, close) = about is null ? ("ul", "ul") : ("ol class=\"chapters\"", "ol");
        return $"<!DOCTYPE html>\n<html lang=\"{language.Code}\">\n<head>\n<meta charset=\"utf-8\">\n" +
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
               $"<title>{title}</title>\n<style>\n{Style}" +
               $"</style>\n</head>\n<body>\n<main>\n{LanguageBar(language, editions ?? [])}<h1>{title}</h1>\n{about}<{open}>\n{list}</{close}>\n</main>\n</body>\n</html>\n";
    }

    /// <summary>"English · 한국어 · 日本語", each other language a link, the page's own not; nothing when there is no other.</summary>
    private static string LanguageBar(Editions.Language current, IReadOnlyList<(Editions.Language Language, string Href)> editions)
    {
        if (editions.Count < 2)
        {
            return "";
        }

        var items = editions.Select(e => e.Language == current
            ? $"<span lang=\"{e.Language.Code}\" aria-current=\"page\">{WebUtility.HtmlEncode(e.Language.Name)}</span>"
            : $"<a href=\"{WebUtility.HtmlEncode(e.Href)}\" hreflang=\"{e.Language.Code}\" lang=\"{e.Language.Code}\">{WebUtility.HtmlEncode(e.Language.Name)}</a>");
        return "<nav class=\"languages\">" + string.Join(" · ", items) + "</nav>\n";
    }

    /// <summary>The notebook's first markdown heading, or the fallback.</summary>
    public static string Title(Notebook notebook, string fallback) =>
        notebook.Cells.Where(c => c.CellType == "markdown").SelectMany(c => c.Source.Split('\n'))
            .FirstOrDefault(line => line.StartsWith('#'))?.TrimStart('#').Trim() ?? fallback;

    /// <summary>
    /// What the export could not read in the notebook's markdown cells ("cell 3: unknown command \foo in $\foo x$"):
    /// such formulas still render, with the unread part marked, so this is for the runner to warn about.
    /// </summary>
    public static IReadOnlyList<string> MathProblems(Notebook notebook)
    {
        var found = new List<string>();
        foreach (var cell in notebook.Cells.Where(c => c.CellType == "markdown"))
        {
            foreach (var (tex, display) in MarkdownMath.Formulas(cell.Source))
            {
                var problems = new List<string>();
                TexToMathMl.Convert(tex, display, problems);
                var delimiter = display ? "$$" : "$";
                found.AddRange(problems.Distinct().Select(p => $"cell {cell.Index + 1}: {p} in {delimiter}{tex}{delimiter}"));
            }
        }

        return found;
    }

    private static string RenderCell(NotebookCell cell) => cell switch
    {
        { CellType: "markdown" } => $"<section class=\"markdown\">{MarkdownMath.ToHtml(cell.Source)}</section>\n",
        { IsCode: false } => $"<section class=\"raw\"><pre>{WebUtility.HtmlEncode(cell.Source)}</pre></section>\n",
        _ => $"<section class=\"code\"><div class=\"prompt\">[{cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " "}]</div>" +
             $"<pre class=\"source\" data-kernel=\"{WebUtility.HtmlEncode(cell.Kernel)}\"><code>" +
             (cell.Kernel == KernelNames.CSharp ? CSharpHighlighter.Highlight(cell.Source) : WebUtility.HtmlEncode(cell.Source)) +
             "</code></pre>" +
             (cell.Outputs is { Count: > 0 } outputs ? $"<div class=\"outputs\">{string.Concat(outputs.Select(RenderOutput))}</div>" : "") +
             "</section>\n",
    };

    private static string RenderOutput(CellOutput output) => output.Kind switch
    {
        OutputKind.Stream => $"<pre class=\"output stream {output.StreamName}\">{WebUtility.HtmlEncode(output.Text)}</pre>",
        OutputKind.Error => $"<pre class=\"output error\">{WebUtility.HtmlEncode(output.ErrorName == "Error" ? output.ErrorValue : $"{output.ErrorName}: {output.ErrorValue}")}</pre>",
        _ when output.Data.TryGetValue("text/html", out var html) => $"<div class=\"output html\">{html}</div>",
        _ when output.Data.TryGetValue("image/svg+xml", out var svg) => $"<div class=\"output svg\">{svg}</div>",
        _ when output.Data.TryGetValue("image/png", out var png) => $"<div class=\"output image\"><img alt=\"output\" src=\"data:image/png;base64,{png.Trim()}\"></div>",
        _ when output.Data.TryGetValue("text/markdown", out var markdown) => $"<div class=\"output markdown\">{MarkdownMath.ToHtml(markdown)}</div>",
        _ when output.Data.TryGetValue("text/plain", out var plain) => $"<pre class=\"output text\">{WebUtility.HtmlEncode(plain)}</pre>",
        _ when output.Data.FirstOrDefault() is (string mime, var content) =>
            $"<pre class=\"output other\" data-mime=\"{WebUtility.HtmlEncode(mime)}\">{WebUtility.HtmlEncode(content)}</pre>",
        _ => "",
    };

    // The math font list comes first for a reason: stretched braces and fences, \big sizes and display-size ∑ are
    // built from a font's OpenType MATH table, and the browser's default math font is often a text font without one.
    private const string Style = """
        body { margin: 0; background: #fafafa; color: #1f2328; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
        main { max-width: 960px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
        section { margin: 12px 0; }
        section.code { position: relative; }
        .prompt { color: #8c959f; font: 12px monospace; margin-bottom: 2px; }
        pre, code { font: 13.5px/1.5 ui-monospace, "Cascadia Code", "DejaVu Sans Mono", monospace; }
        pre.source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 10px 12px; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        .outputs { border-left: 3px solid #d0d7de; padding: 4px 0 4px 12px; margin-top: 6px; overflow-x: auto; }
        pre.output { margin: 4px 0; white-space: pre-wrap; }
        pre.stderr { color: #9a6700; }
        pre.error { color: #cf222e; background: #fff5f5; padding: 6px 8px; border-radius: 4px; }
        table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 3px 8px; }
        math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "DejaVu Math TeX Gyre", math; }
        math[display="block"] { margin: 10px 0; font-size: 1.1em; }
        nav.languages { text-align: right; font-size: 14px; color: #8c959f; margin-bottom: 8px; }
        nav.languages a { color: #0969da; text-decoration: none; } nav.languages a:hover { text-decoration: underline; }
        nav.languages [aria-current] { color: #1f2328; font-weight: 600; }
        nav.site { font-size: 14px; border-bottom: 1px solid #d0d7de; padding-bottom: 8px; margin-bottom: 12px; }
        nav.site.bottom { border-bottom: 0; border-top: 1px solid #d0d7de; padding-top: 8px; margin-top: 24px; }
        nav.site a { color: #0969da; text-decoration: none; } nav.site a:hover { text-decoration: underline; }
        nav.site .steps { display: flex; justify-content: space-between; gap: 12px; margin-top: 6px; }
        nav.site ol.chapters { margin: 6px 0; padding-left: 1.6em; columns: 2; } nav.site [aria-current] { font-weight: 600; }
        .computational-graph button { cursor: pointer; }
        """;
}
