using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace Backprop.Notebooks.Display;

/// <summary>
/// A Plotly.NET chart as a div plus a script that draws it. In VS Code the first chart loads plotly.js
/// from the CDN; the runner's HTML export inlines plotly.js in the page head, so <c>window.Plotly</c>
/// already exists there and the page works offline. In Jupyter the .NET kernel's first output loads
/// require.js, and plotly.js loaded by a plain script element then registers itself as an anonymous AMD
/// module instead of setting <c>window.Plotly</c>; there the chart asks require.js for it.
/// </summary>
/// <remarks>
/// Plotly's own defaults (80 px margins on every side, 100 at the top, the legend in a column on the
/// right) leave a 640×360 chart a plot area of about 330×170 px. Unless the chart sets its own, a chart
/// here gets tight margins and a legend in one row above the plot, which leaves the data about 550×270.
/// </remarks>
internal static class ChartHtml
{
    /// <summary>plotly.js on the CDN as a require.js path, which names a script without its ".js".</summary>
    public const string PlotlyAmdPath = "https://cdn.plot.ly/plotly-2.28.0.min";

    public const string PlotlyCdn = PlotlyAmdPath + ".js";
    private const int DefaultWidth = 600;
    private const int DefaultHeight = 400;

    public static string Render(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using JsonDocument figure = JsonDocument.Parse(GenericChart.toJson(chart));
        string data = Script(figure.RootElement, "data", "[]");
        string layout = Escape(WithDefaults(figure.RootElement.TryGetProperty("layout", out JsonElement l) ? l : (JsonElement?)null));
        string config = Script(figure.RootElement, "config", "{}");

        var size = GenericChart.tryGetLayoutSize(chart);
        int width = size.Item1?.Value ?? DefaultWidth;
        int height = size.Item2?.Value ?? DefaultHeight;

        // A fresh id per display: the same chart shown twice must not draw into one div.
        string id = "plotly-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        // Where require.js is on the page (Jupyter), plotly.js from a script element would define an AMD
        // module and leave window.Plotly unset, so there require.js loads it and hands it over.
        return string.Create(CultureInfo.InvariantCulture, $$"""
            <div id="{{id}}" class="plotly-chart" style="width:{{width}}px;height:{{height}}px;"></div>
            <script type="text/javascript">
            (function () {
              var draw = function () { Plotly.newPlot('{{id}}', {{data}}, {{layout}}, {{config}}); };
              if (window.Plotly) { draw(); return; }
              if (typeof require === 'function' && typeof define === 'function' && define.amd) {
                require.config({ paths: { plotly: '{{PlotlyAmdPath}}' } });
                require(['plotly'], function (P) { window.Plotly = P; draw(); });
                return;
              }
              var s = document.createElement('script');
              s.src = '{{PlotlyCdn}}';
              s.onload = draw;
              document.head.appendChild(s);
            })();
            </script>
            """);
    }

    /// <summary>
    /// The chart's layout with our margins and legend added where the chart has none of its own.
    /// The margins leave room for tick labels and one axis title on the left and at the bottom; the
    /// legend sits in a row just above the plot, pushing the top margin out as far as it needs
    /// (Plotly's margin.autoexpand), and a chart title gets room above that.
    /// </summary>
    internal static JsonObject WithDefaults(JsonElement? layout)
    {
        JsonObject result = layout is { ValueKind: JsonValueKind.Object } given
            ? JsonNode.Parse(given.GetRawText())!.AsObject()
            : [];
        bool titled = result["title"] is JsonObject title && title["text"] is not null;
        result.TryAdd("margin", new JsonObject { ["l"] = 60, ["r"] = 20, ["t"] = titled ? 64 : 24, ["b"] = 50, ["pad"] = 0 });
        result.TryAdd("legend", new JsonObject
        {
            ["orientation"] = "h",
            ["x"] = 0,
            ["xanchor"] = "left",
            ["y"] = 1.02,
            ["yanchor"] = "bottom",
        });
        return result;
    }

    /// <summary>One part of the figure JSON, safe inside a script element ("&lt;/" could end it early).</summary>
    private static string Script(JsonElement figure, string name, string empty) =>
        figure.TryGetProperty(name, out JsonElement part) ? Escape(part.GetRawText()) : empty;

    private static string Escape(JsonNode json) => Escape(json.ToJsonString());

    private static string Escape(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);
}
