using System.Globalization;
using System.Net;
using System.Text.Json;
using NotebookRunner.Engine.Export;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>
/// The exported MathML as headless chromium lays it out: measured boxes, not markup. A script in the page writes
/// the geometry of each formula into the DOM, which the test reads back.
/// </summary>
public sealed class BrowserMathTests
{
    private const string Markdown = """
        $$\text{price} = \underbrace{100 \times 2}_{\text{apple\_price}} + 1$$

        $$\begin{aligned} f(x) &= 1 \\ g'(x) + h &= 22 \end{aligned}$$

        $$y = \begin{cases} x & (x > 0) \\ 0 & (x \le 0) \end{cases}$$

        Inline $\sum_{i=1}^{n} x_i$ and display

        $$\sum_{i=1}^{n} x_i$$
        """;

    // Formula 0 underbrace, 1 aligned, 2 cases, 3 inline sum, 4 display sum.
    private const string Measure = """
        <script>
        document.fonts.ready.then(() => {
        const m = [...document.querySelectorAll('math')];
        const box = e => e.getBoundingClientRect();
        const brace = m[0].querySelector('munder[accentunder]');
        const rows = [...m[1].querySelectorAll('mtr')];
        const sum = f => m[f].querySelector('munderover');
        const g = {
          formulas: m.length,
          errors: document.querySelectorAll('merror').length,
          braceTop: box(brace.lastElementChild).top,
          baseBottom: box(brace.firstElementChild).bottom,
          labelTop: box(brace.parentElement.nextElementSibling).top,
          braceBottom: box(brace.lastElementChild).bottom,
          equalsLeft: rows.map(r => box(r.children[1].firstElementChild).left),
          leftRight: rows.map(r => box(r.children[0].lastElementChild).right),
          casesFence: box(m[2].querySelector('mo[fence]')).height,
          casesTable: box(m[2].querySelector('mtable')).height,
          inlineSumRight: box(sum(3).firstElementChild).right,
          inlineLowerLeft: box(sum(3).children[1]).left,
          displaySumBottom: box(sum(4).firstElementChild).bottom,
          displayLowerTop: box(sum(4).children[1]).top,
        };
        const pre = document.createElement('pre');
        pre.id = 'geometry';
        pre.textContent = JSON.stringify(g);
        document.body.appendChild(pre);
        });
        </script>
        """;

    private static async Task<JsonElement> GeometryAsync()
    {
        var page = HtmlExporter.Export(Notebook.Create([("markdown", Markdown)]), "math")
            .Replace("</body>", Measure + "</body>", StringComparison.Ordinal);
        var path = Path.Combine(Fixtures.TempFolder(), "math.html");
        await File.WriteAllTextAsync(path, page);
        var loaded = await Chromium.LoadAsync(path);
        Assert.Empty(loaded.ConsoleMessages);
        var start = loaded.Dom.IndexOf("<pre id=\"geometry\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the measuring script did not run");
        start += "<pre id=\"geometry\">".Length;
        var json = WebUtility.HtmlDecode(loaded.Dom[start..loaded.Dom.IndexOf("</pre>", start, StringComparison.Ordinal)]);
        return JsonDocument.Parse(json).RootElement;
    }

    private static double[] Numbers(JsonElement geometry, string name) =>
        [.. geometry.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];

    private static double Number(JsonElement geometry, string name) => geometry.GetProperty(name).GetDouble();

    [ChromiumFact]
    public async Task Aligned_columns_meet_at_the_ampersand_and_limits_sit_beside_inline_and_under_in_display()
    {
        var g = await GeometryAsync();
        Assert.Equal(5, g.GetProperty("formulas").GetInt32());
        Assert.Equal(0, g.GetProperty("errors").GetInt32());

        // Rows of different widths: the = signs start at one x, the left sides end at one x.
        var equals = Numbers(g, "equalsLeft");
        var lefts = Numbers(g, "leftRight");
        Assert.Equal(equals[0], equals[1], 0.5);
        Assert.Equal(lefts[0], lefts[1], 0.5);

        // Inline, the browser moves \sum's limits beside it; in display they stay underneath.
        Assert.True(Number(g, "inlineLowerLeft") >= Number(g, "inlineSumRight") - 0.5, g.ToString());
        Assert.True(Number(g, "displayLowerTop") >= Number(g, "displaySumBottom") - 1, g.ToString());

        // The underbrace's label is below the brace, the brace below its argument.
        Assert.True(Number(g, "braceTop") >= Number(g, "baseBottom") - 2, g.ToString());
        Assert.True(Number(g, "labelTop") >= Number(g, "braceBottom") - 1, g.ToString());
    }

    [MathFontFact]
    public async Task The_cases_brace_stretches_to_the_height_of_its_rows()
    {
        // Only a math font's glyph variants let the brace grow; with a text font it stays one line high. (The
        // underbrace stretches too, as the screenshots show, but chromium reports a horizontally stretched
        // operator's box at its unstretched glyph width, so that cannot be measured here.)
        var g = await GeometryAsync();
        var fence = Number(g, "casesFence");
        var table = Number(g, "casesTable");
        Assert.True(fence >= 0.9 * table, string.Create(CultureInfo.InvariantCulture, $"brace {fence} px high beside rows {table} px high"));
    }
}
