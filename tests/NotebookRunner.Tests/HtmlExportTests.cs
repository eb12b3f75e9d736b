using System.Text.RegularExpressions;
using NotebookRunner.Engine.Export;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Tests.Support;
using TexMath;

namespace NotebookRunner.Tests;

/// <summary>What the exported page holds; the browser test checks that it renders.</summary>
public sealed class HtmlExportTests
{
    private static string Page(params (string Kernel, string Source)[] cells) => HtmlExporter.Export(Notebook.Create(cells), "test");

    [Fact]
    public void Markdown_is_rendered_and_code_highlighted()
    {
        var html = Page(("markdown", "# Title\n\nSome *emphasis*."), ("csharp", "var s = \"text\"; // note\nint n = 42;"));
        Assert.Contains("<h1 id=\"title\">Title</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<em>emphasis</em>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#0000ff\">var</span> s = <span style=\"color:#a31515\">&quot;text&quot;</span>; <span style=\"color:#008000\">// note</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#098658\">42</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_cells_are_coloured_by_Roslyn_s_classification_and_other_kernels_are_not()
    {
        // "record" is a local first and a keyword after; Math is a class and Max its method.
        var html = Page(("csharp", "#r \"nuget: X, 1.0\"\nvar record = Math.Max(1, 2);\nrecord R(int X);"), ("fsharp", "let record = 1"));
        Assert.Contains(
            "<span style=\"color:#0000ff\">#r</span> <span style=\"color:#a31515\">&quot;nuget: X, 1.0&quot;</span>\n</span>"
            + "<span style=\"display:block;padding-left:4ch;text-indent:-4ch\"><span style=\"color:#0000ff\">var</span> record = "
            + "<span style=\"color:#267f99\">Math</span>.<span style=\"color:#795e26\">Max</span>(",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#0000ff\">record</span> <span style=\"color:#267f99\">R</span>(", html, StringComparison.Ordinal);
        Assert.Contains("data-kernel=\"fsharp\"><code>let record = 1</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plotly_js_is_inlined_once_only_when_a_chart_needs_it()
    {
        Assert.DoesNotContain(PlotlyScript.Source[..200], Page(("csharp", "1")), StringComparison.Ordinal);
        var notebook = NotebookReader.Read(Fixtures.PathOf("charts/charts.ipynb"));
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            cell.SetOutputs([CellOutput.DisplayData("text/html", "<script>Plotly.newPlot('plotly-0123456789', [], {});</script>")]);
        }

        var html = HtmlExporter.Export(notebook, "charts");
        var first = html.IndexOf(PlotlyScript.Source[..200], StringComparison.Ordinal);
        Assert.True(first > 0 && first < html.IndexOf("</head>", StringComparison.Ordinal));
        Assert.Equal(-1, html.IndexOf(PlotlyScript.Source[..200], first + 1, StringComparison.Ordinal));
        Assert.StartsWith("/**", PlotlyScript.Source.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("plotly.js v2.28.0", PlotlyScript.Source[..300], StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_are_titled_by_their_first_heading_and_listed_in_an_index()
    {
        var notebook = Notebook.Create([("markdown", "Intro\n\n## 5.4 Simple layers\n\ntext"), ("csharp", "1")]);
        Assert.Equal("5.4 Simple layers", HtmlExporter.Title(notebook, "fallback"));
        Assert.Equal("fallback", HtmlExporter.Title(Notebook.Create([("csharp", "1")]), "fallback"));
        Assert.Contains("<title>5.4 Simple layers</title>", HtmlExporter.Export(notebook, HtmlExporter.Title(notebook, "x")), StringComparison.Ordinal);
        var index = HtmlExporter.Index([("A & B", "a.html"), ("C", "c.html")]);
        Assert.Contains("<li><a href=\"a.html\">A &amp; B</a></li>\n<li><a href=\"c.html\">C</a></li>", index, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edition_s_language_is_its_folder_and_editions_pair_by_file_name()
    {
        var root = Fixtures.TempFolder();
        var english = Editions.PageOf(Path.Combine(root, "x.ipynb"), "x.ipynb");
        var korean = Editions.PageOf(Path.Combine(root, "ko", "x.ipynb"), "ko/x.ipynb");
        var japanese = Editions.PageOf(Path.Combine(root, "sub", "ja", "x.ipynb"), "sub/ja/x.ipynb");
        Assert.Equal(("en", "x.html", "x.html"), (english.Language.Code, english.Href, english.Key));
        Assert.Equal(("ko", "ko/x.html", "x.html"), (korean.Language.Code, korean.Href, korean.Key));
        Assert.Equal(("ja", "sub/ja/x.html", "sub/x.html"), (japanese.Language.Code, japanese.Href, japanese.Key));
        Assert.Equal("en", Editions.PageOf(Path.Combine(root, "kotlin", "x.ipynb"), "kotlin/x.ipynb").Language.Code);

        var links = Editions.LinksFrom(korean, [japanese, english, korean, Editions.PageOf(Path.Combine(root, "ja", "x.ipynb"), "ja/x.ipynb")]);
        Assert.Equal(new[] { ("en", "../x.html"), ("ko", "x.html"), ("ja", "../ja/x.html") }, links.Select(l => (l.Language.Code, l.Href)));
        Assert.Empty(Editions.LinksFrom(english, [english, japanese]));
        Assert.Equal(
            new[] { ("en", "../index.html"), ("ja", "index.html") },
            Editions.IndexLinksFrom(Editions.All[2], [Editions.All[2], Editions.English]).Select(l => (l.Language.Code, l.Href)));
    }

    [Fact]
    public void A_page_with_editions_links_the_others_and_names_its_own_language_without_a_link()
    {
        var (en, ko, ja) = (Editions.All[0], Editions.All[1], Editions.All[2]);
        var html = HtmlExporter.Export(Notebook.Create([("markdown", "# 작은 계층")]), "작은 계층", ko, [(en, "../x.html"), (ko, "x.html"), (ja, "../ja/x.html")]);
        Assert.Contains("<html lang=\"ko\">", html, StringComparison.Ordinal);
        Assert.Contains(
            "<nav class=\"languages\"><a href=\"../x.html\" hreflang=\"en\" lang=\"en\">English</a> · <span lang=\"ko\" aria-current=\"page\">한국어</span>"
            + " · <a href=\"../ja/x.html\" hreflang=\"ja\" lang=\"ja\">日本語</a></nav>",
            html,
            StringComparison.Ordinal);

        // Without other editions there is no bar at all, not one naming only the page's own language.
        var alone = Page(("markdown", "# Alone"));
        Assert.Contains("<html lang=\"en\">", alone, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"languages\"", alone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exported_editions_link_each_other_and_each_language_has_its_own_index()
    {
        var html = Fixtures.TempFolder();
        var run = await RunnerProcess.RunAsync("run", Fixtures.PathOf("editions"), "--html", html, "--out", Fixtures.TempFolder());
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("html   4 page(s) and index.html, ja/index.html, ko/index.html in", run.Output, StringComparison.Ordinal);

        string Read(string href) => File.ReadAllText(Path.Combine(html, href));

        // Every link in a language bar leads to a page that exists, in the language it names.
        void AssertBar(string href, string language, params string[] expected)
        {
            var page = Read(href);
            Assert.Contains($"<html lang=\"{language}\">", page, StringComparison.Ordinal);
            var bar = Regex.Match(page, "<nav class=\"languages\">(.*?)</nav>").Groups[1].Value;
            var links = Regex.Matches(bar, "<a href=\"([^\"]+)\" hreflang=\"(\\w+)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
            Assert.Equal(expected, links.Select(l => l.Item1));
            foreach (var (link, linked) in links)
            {
                var target = Path.GetFullPath(Path.Combine(html, Path.GetDirectoryName(href)!, link));
                Assert.True(File.Exists(target), $"{href} links {link}, which is missing");
                Assert.Contains($"<html lang=\"{linked}\">", File.ReadAllText(target), StringComparison.Ordinal);
            }

            Assert.Contains($"<span lang=\"{language}\" aria-current=\"page\">", bar, StringComparison.Ordinal);
        }

        AssertBar("x.html", "en", "ko/x.html", "ja/x.html");
        AssertBar("ko/x.html", "ko", "../x.html", "../ja/x.html");
        AssertBar("ja/x.html", "ja", "../x.html", "../ko/x.html");
        AssertBar("index.html", "en", "ko/index.html", "ja/index.html");
        AssertBar("ko/index.html", "ko", "../index.html", "../ja/index.html");
        AssertBar("ja/index.html", "ja", "../index.html", "../ko/index.html");
        Assert.DoesNotContain("class=\"languages\"", Read("solo.html"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", Read("solo.html"), StringComparison.Ordinal);

        Assert.Contains("<title>Notebooks</title>", Read("index.html"), StringComparison.Ordinal);
        Assert.Contains("<ol class=\"chapters\">\n<li><a href=\"solo.html\">English only</a></li>\n<li><a href=\"x.html\">Tiny layer</a></li>\n</ol>", Read("index.html"), StringComparison.Ordinal);
        Assert.Contains("<title>노트북 목록</title>", Read("ko/index.html"), StringComparison.Ordinal);
        Assert.Contains("<ol class=\"chapters\">\n<li><a href=\"x.html\">작은 계층</a></li>\n</ol>", Read("ko/index.html"), StringComparison.Ordinal);
        Assert.Contains("<title>ノートブック一覧</title>", Read("ja/index.html"), StringComparison.Ordinal);
        Assert.Contains("<ol class=\"chapters\">\n<li><a href=\"x.html\">小さなレイヤ</a></li>\n</ol>", Read("ja/index.html"), StringComparison.Ordinal);

        // The site: chapters in order with the current one marked, previous and next, home, the notebook to download.
        Assert.Contains("<li><span aria-current=\"page\">English only</span></li><li><a href=\"x.html\">Tiny layer</a></li>", Read("solo.html"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"x.html\" rel=\"next\">Next: Tiny layer →</a>", Read("solo.html"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"solo.html\" rel=\"prev\">← Previous: English only</a>", Read("x.html"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"index.html\" rel=\"home\">トップへ</a> · <a href=\"x.ipynb\" download>.ipynb をダウンロード</a>", Read("ja/x.html"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(html, "ja", "x.ipynb")));
        Assert.DoesNotContain("codespaces", Read("x.html"), StringComparison.Ordinal); // the fixture is in no repository with a .devcontainer
    }

    [Fact]
    public void Outputs_are_shown_by_kind()
    {
        var notebook = Notebook.Create([("csharp", "x")]);
        notebook.Cells[0].SetOutputs(
        [
            CellOutput.Stream("stdout", "a < b"), CellOutput.DisplayData("text/plain", "plain & simple"),
            CellOutput.DisplayData("text/html", "<b>raw</b>"), CellOutput.Error("System.Exception", "bad", []),
        ]);
        var html = HtmlExporter.Export(notebook, "t");
        Assert.Contains("<pre class=\"output stream stdout\">a &lt; b</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"output text\">plain &amp; simple</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"output html\"><b>raw</b></div>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"output error\">System.Exception: bad</pre>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_math_running_over_two_lines_inside_a_paragraph_is_still_math()
    {
        var html = MarkdownMath.ToHtml("Text\n\n$$a = b,\n c = d.$$\n\nMore `$$\"x\"$$` code.");
        Assert.Contains("<math display=\"block\"><semantics><mrow><mi>a</mi><mo>=</mo><mi>b</mi><mo>,</mo><mi>c</mi>", html, StringComparison.Ordinal);
        Assert.Contains("<code>$$&quot;x&quot;$$</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_math_becomes_MathML()
    {
        var html = MarkdownMath.ToHtml("Inline $x_1$ and\n\n$$\ny = \\frac{1}{2}\n$$");
        Assert.Contains("<math><semantics><mrow><msub><mrow><mi>x</mi></mrow><mrow><mn>1</mn></mrow></msub></mrow>", html, StringComparison.Ordinal);
        Assert.Contains("<math display=\"block\"><semantics><mrow><mi>y</mi><mo>=</mo><mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac></mrow>", html, StringComparison.Ordinal);
    }
}
