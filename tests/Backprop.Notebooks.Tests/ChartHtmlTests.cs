using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Backprop.Notebooks.Tests;

[Collection(FormatterCollection.Name)]
public sealed partial class ChartHtmlTests
{
    private static GenericChart Line() =>
        CSharpChart.Line<double, double, string>(x: [1.0, 2.0, 3.0], y: [2.0, 4.0, 1.0], Name: "relu");

    [Fact]
    public void Chart_html_has_the_agreed_shape()
    {
        Notebook.Setup();
        string html = Formatter.ToDisplayString(Line(), "text/html");
        Match m = Shape().Match(html);
        Assert.True(m.Success, html[..Math.Min(html.Length, 600)]);
        Assert.Equal(m.Groups["id"].Value, m.Groups["again"].Value);
        Assert.Equal("text/html", Formatter.GetPreferredMimeTypesFor(Line().GetType()).First());
    }

    [Fact]
    public void Under_require_js_the_chart_asks_require_for_the_same_plotly_js()
    {
        // Jupyter's page has require.js, and plotly.js from a script element would then define an AMD
        // module instead of window.Plotly: the chart must ask require.js for the very file it loads elsewhere.
        Notebook.Setup();
        Match m = Shape().Match(Formatter.ToDisplayString(Line(), "text/html"));
        Assert.True(m.Success);
        Assert.Equal(m.Groups["src"].Value, m.Groups["amd"].Value + ".js");
        Assert.Equal("https://cdn.plot.ly/plotly-2.28.0.min", m.Groups["amd"].Value);
    }

    [Fact]
    public void Data_layout_and_config_are_Plotly_NET_s_own_json()
    {
        Notebook.Setup();
        GenericChart chart = Line();
        Match m = Shape().Match(Formatter.ToDisplayString(chart, "text/html"));
        using JsonDocument expected = JsonDocument.Parse(GenericChart.toJson(chart));
        using JsonDocument data = JsonDocument.Parse(m.Groups["data"].Value);
        Assert.Equal(expected.RootElement.GetProperty("data").GetRawText(), data.RootElement.GetRawText());
        Assert.Equal(JsonValueKind.Array, data.RootElement.ValueKind);
        Assert.Equal("relu", data.RootElement[0].GetProperty("name").GetString());
        using JsonDocument layout = JsonDocument.Parse(m.Groups["layout"].Value);
        Assert.Equal(JsonValueKind.Object, layout.RootElement.ValueKind);
        // Plotly.NET's layout is kept whole; only margin and legend are added.
        foreach (JsonProperty property in expected.RootElement.GetProperty("layout").EnumerateObject())
        {
            Assert.True(
                JsonNode.DeepEquals(JsonNode.Parse(property.Value.GetRawText()), JsonNode.Parse(layout.RootElement.GetProperty(property.Name).GetRawText())),
                property.Name);
        }

        Assert.Equal(
            expected.RootElement.GetProperty("layout").EnumerateObject().Select(p => p.Name).Concat(["margin", "legend"]).Order(),
            layout.RootElement.EnumerateObject().Select(p => p.Name).Order());
        using JsonDocument config = JsonDocument.Parse(m.Groups["config"].Value);
        Assert.Equal(JsonValueKind.Object, config.RootElement.ValueKind);
    }

    [Fact]
    public void Size_comes_from_the_layout_else_600_by_400()
    {
        Notebook.Setup();
        GenericChart sized = Plotly.NET.CSharp.GenericChartExtensions.WithSize(Line(), 700, 300);
        Assert.Contains("style=\"width:700px;height:300px;\"", Formatter.ToDisplayString(sized, "text/html"), StringComparison.Ordinal);

        GenericChart bare = GenericChart.setLayout(new Layout(), Line());
        Assert.Null(GenericChart.tryGetLayoutSize(bare).Item1);
        Assert.Contains("style=\"width:600px;height:400px;\"", Formatter.ToDisplayString(bare, "text/html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_640_by_360_chart_leaves_most_of_itself_to_the_data()
    {
        // Plotly's defaults (80 px margins, 100 at the top, the legend in a column at the right) left
        // about 330×170 px of plot; tight margins and a one-row legend above the plot leave 560×286.
        Notebook.Setup();
        using JsonDocument layout = LayoutOf(Plotly.NET.CSharp.GenericChartExtensions.WithSize(Line(), 640, 360));
        JsonElement margin = layout.RootElement.GetProperty("margin");
        Assert.Equal(560, 640 - margin.GetProperty("l").GetInt32() - margin.GetProperty("r").GetInt32());
        Assert.Equal(286, 360 - margin.GetProperty("t").GetInt32() - margin.GetProperty("b").GetInt32());

        JsonElement legend = layout.RootElement.GetProperty("legend");
        Assert.Equal("h", legend.GetProperty("orientation").GetString());
        Assert.Equal("bottom", legend.GetProperty("yanchor").GetString());
        Assert.True(legend.GetProperty("y").GetDouble() >= 1, "the legend sits above the plot, not on it");
    }

    [Fact]
    public void A_title_gets_room_above_the_legend()
    {
        using JsonDocument titled = JsonDocument.Parse("""{"title":{"text":"ReLU"},"width":640}""");
        JsonObject layout = Backprop.Notebooks.Display.ChartHtml.WithDefaults(titled.RootElement);
        Assert.Equal("ReLU", (string?)layout["title"]!["text"]);
        Assert.Equal(640, (int)layout["width"]!);
        Assert.Equal(64, (int)layout["margin"]!["t"]!);
    }

    [Fact]
    public void A_chart_s_own_margin_and_legend_win()
    {
        using JsonDocument own = JsonDocument.Parse("""{"margin":{"l":5,"r":6,"t":7,"b":8},"legend":{"orientation":"v"}}""");
        JsonObject layout = Backprop.Notebooks.Display.ChartHtml.WithDefaults(own.RootElement);
        Assert.Equal([5, 6, 7, 8], new[] { "l", "r", "t", "b" }.Select(side => (int)layout["margin"]![side]!));
        Assert.Equal("v", (string?)layout["legend"]!["orientation"]);
        Assert.Equal(2, layout.Count);
    }

    [Fact]
    public void A_missing_layout_gets_the_defaults_alone()
    {
        JsonObject layout = Backprop.Notebooks.Display.ChartHtml.WithDefaults(null);
        Assert.Equal(["legend", "margin"], layout.Select(p => p.Key).Order());
        Assert.Equal(24, (int)layout["margin"]!["t"]!);
    }

    [Fact]
    public void Every_display_gets_a_fresh_id()
    {
        Notebook.Setup();
        GenericChart chart = Line();
        string a = Shape().Match(Formatter.ToDisplayString(chart, "text/html")).Groups["id"].Value;
        string b = Shape().Match(Formatter.ToDisplayString(chart, "text/html")).Groups["id"].Value;
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Text_in_the_chart_cannot_close_the_script_early()
    {
        Notebook.Setup();
        GenericChart chart = CSharpChart.Line<double, double, string>(x: [1.0], y: [1.0], Name: "</script><b>x</b>");
        string html = Formatter.ToDisplayString(chart, "text/html");
        Assert.Equal(1, Regex.Count(html, "</script>"));
        Assert.Matches(Shape(), html);
    }

    private static JsonDocument LayoutOf(GenericChart chart) =>
        JsonDocument.Parse(Shape().Match(Formatter.ToDisplayString(chart, "text/html")).Groups["layout"].Value);

    [GeneratedRegex("""
        ^<div\ id="(?<id>plotly-[0-9a-f]{16})"\ class="plotly-chart"\ style="width:\d+px;height:\d+px;"></div>\n
        <script\ type="text/javascript">\n
        \(function\ \(\)\ \{\n
        \ \ var\ draw\ =\ function\ \(\)\ \{\ Plotly\.newPlot\('(?<again>plotly-[0-9a-f]{16})',\ (?<data>\[.*\]),\ (?<layout>\{.*\}),\ (?<config>\{.*\})\);\ \};\n
        \ \ if\ \(window\.Plotly\)\ \{\ draw\(\);\ return;\ \}\n
        \ \ if\ \(typeof\ require\ ===\ 'function'\ &&\ typeof\ define\ ===\ 'function'\ &&\ define\.amd\)\ \{\n
        \ \ \ \ require\.config\(\{\ paths:\ \{\ plotly:\ '(?<amd>[^']+)'\ \}\ \}\);\n
        \ \ \ \ require\(\['plotly'\],\ function\ \(P\)\ \{\ window\.Plotly\ =\ P;\ draw\(\);\ \}\);\n
        \ \ \ \ return;\n
        \ \ \}\n
        \ \ var\ s\ =\ document\.createElement\('script'\);\n
        \ \ s\.src\ =\ '(?<src>https://cdn\.plot\.ly/plotly-2\.28\.0\.min\.js)';\n
        \ \ s\.onload\ =\ draw;\n
        \ \ document\.head\.appendChild\(s\);\n
        \}\)\(\);\n
        </script>$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Shape();
}
