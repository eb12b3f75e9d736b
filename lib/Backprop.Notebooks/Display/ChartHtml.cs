using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Plotly.NET;

namespace Backprop.Notebooks.Display;

/// <summary>
/// A Plotly.NET chart as a div plus a script that draws it. In VS Code the first chart loads plotly.js
/// from the CDN; the runner's HTML export inlines plotly.js in the page head, so <c>window.Plotly</c>
/// already exists there and the page works offline.
/// </summary>
internal static class ChartHtml
{
    public const string PlotlyCdn = "https://cdn.plot.ly/plotly-2.28.0.min.js";
    private const int DefaultWidth = 600;
    private const int DefaultHeight = 400;

    public static string Render(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using JsonDocument figure = JsonDocument.Parse(GenericChart.toJson(chart));
        string data = Script(figure.RootElement, "data", "[]");
        string layout = Script(figure.RootElement, "layout", "{}");
        string config = Script(figure.RootElement, "config", "{}");

        var size = GenericChart.tryGetLayoutSize(chart);
        int width = size.Item1?.Value ?? DefaultWidth;
        int height = size.Item2?.Value ?? DefaultHeight;

        // A fresh id per display: the same chart shown twice must not draw into one div.
        string id = "plotly-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            <div id="{{id}}" class="plotly-chart" style="width:{{width}}px;height:{{height}}px;"></div>
            <script type="text/javascript">
            (function () {
              var draw = function () { Plotly.newPlot('{{id}}', {{data}}, {{layout}}, {{config}}); };
              if (window.Plotly) { draw(); return; }
              var s = document.createElement('script');
              s.src = '{{PlotlyCdn}}';
              s.onload = draw;
              document.head.appendChild(s);
            })();
            </script>
            """);
    }

    /// <summary>One part of the figure JSON, safe inside a script element ("&lt;/" could end it early).</summary>
    private static string Script(JsonElement figure, string name, string empty) =>
        figure.TryGetProperty(name, out JsonElement part) ? part.GetRawText().Replace("</", "<\\/", StringComparison.Ordinal) : empty;
}
