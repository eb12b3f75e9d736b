using System.Text.Json;
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

    [GeneratedRegex("""
        ^<div\ id="(?<id>plotly-[0-9a-f]{16})"\ class="plotly-chart"\ style="width:\d+px;height:\d+px;"></div>\n
        <script\ type="text/javascript">\n
        \(function\ \(\)\ \{\n
        \ \ var\ draw\ =\ function\ \(\)\ \{\ Plotly\.newPlot\('(?<again>plotly-[0-9a-f]{16})',\ (?<data>\[.*\]),\ (?<layout>\{.*\}),\ (?<config>\{.*\})\);\ \};\n
        \ \ if\ \(window\.Plotly\)\ \{\ draw\(\);\ return;\ \}\n
        \ \ var\ s\ =\ document\.createElement\('script'\);\n
        \ \ s\.src\ =\ 'https://cdn\.plot\.ly/plotly-2\.28\.0\.min\.js';\n
        \ \ s\.onload\ =\ draw;\n
        \ \ document\.head\.appendChild\(s\);\n
        \}\)\(\);\n
        </script>$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Shape();
}
