using System.Diagnostics;
using System.Text.RegularExpressions;
using Backprop.Notebooks.Display;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// The chart HTML in headless chromium, offline: plotly.js is the copy Plotly.NET embeds, written next to the
/// page, and the CDN address in the chart is pointed at it. Run once on a plain page (VS Code) and once on a
/// page with an AMD loader (Jupyter, where the kernel's first output loads require.js).
/// </summary>
[Collection(FormatterCollection.Name)]
public sealed class ChartBrowserTests
{
    // A minimal AMD loader standing in for require.js (which is not available offline): what matters is that
    // define.amd exists, so plotly.js's module wrapper calls define() instead of setting window.Plotly.
    private const string AmdLoader = """
        <script>
        var define = function (deps, factory) { define.loaded = (typeof deps === 'function' ? deps : factory)(); };
        define.amd = {};
        var require = function (names, done) {
          var s = document.createElement('script');
          s.src = require.paths[names[0]] + '.js';
          s.onload = function () { done(define.loaded); };
          document.head.appendChild(s);
        };
        require.config = function (c) { require.paths = c.paths; };
        </script>
        """;

    [ChromiumFact]
    public async Task Charts_draw_on_a_plain_page()
    {
        string dom = await LoadAsync(head: "");
        AssertBothChartsDrawn(dom);
    }

    [ChromiumFact]
    public async Task Charts_draw_where_an_AMD_loader_is_on_the_page()
    {
        string dom = await LoadAsync(head: AmdLoader);
        AssertBothChartsDrawn(dom);
    }

    [ChromiumFact]
    public async Task Under_the_AMD_loader_a_plain_script_leaves_no_window_Plotly()
    {
        // The failure the require.js branch exists for, reproduced with the stand-in loader: it is faithful.
        string dom = await LoadAsync(head: AmdLoader, body: """
            <script src="plotly.min.js" onload="document.body.setAttribute('data-plotly', typeof window.Plotly)"></script>
            """);
        Assert.Contains("data-plotly=\"undefined\"", dom, StringComparison.Ordinal);
    }

    private static void AssertBothChartsDrawn(string dom)
    {
        // Split the DOM at each chart's div: each part must hold the SVG plotly.js draws into it.
        var charts = Regex.Split(dom, "<div id=\"plotly-").Skip(1).ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, chart => Assert.Contains("class=\"main-svg\"", chart, StringComparison.Ordinal));
    }

    /// <summary>Two charts (the second asks for plotly.js while the first may still be loading it), or the given body.</summary>
    private static async Task<string> LoadAsync(string head, string? body = null)
    {
        string folder = Directory.CreateTempSubdirectory("chart-browser-").FullName;
        await using (Stream plotly = typeof(GenericChart).Assembly.GetManifestResourceStream("Plotly.NET.plotly-2.28.0.min.js")!)
        await using (FileStream copy = File.Create(Path.Combine(folder, "plotly.min.js")))
        {
            await plotly.CopyToAsync(copy);
        }

        if (body is null)
        {
            Notebook.Setup();
            GenericChart chart = CSharpChart.Line<double, double, string>(x: [1.0, 2.0, 3.0], y: [2.0, 4.0, 1.0], Name: "relu");
            // The CDN address, with and without ".js", now names the local copy.
            string local = new Uri(Path.Combine(folder, "plotly.min")).AbsoluteUri;
            body = string.Concat(Enumerable.Range(0, 2).Select(_ => Formatter.ToDisplayString(chart, "text/html").Replace(ChartHtml.PlotlyAmdPath, local, StringComparison.Ordinal)));
        }

        string page = Path.Combine(folder, "page.html");
        await File.WriteAllTextAsync(page, $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">{head}</head><body>\n{body}\n</body></html>\n");
        try
        {
            return await DumpDomAsync(page, Path.Combine(folder, "profile"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> DumpDomAsync(string page, string profile)
    {
        var start = new ProcessStartInfo(ChromiumFactAttribute.Path ?? "chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The network points at a closed port, so nothing but the local files can load.
        foreach (string arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9",
                     "--allow-file-access-from-files", "--virtual-time-budget=15000", "--dump-dom", new Uri(page).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> dom = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return await dom;
    }
}

/// <summary>A test that needs chromium: skipped with a reason when it is missing, unless CI=true requires it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => System.IO.Path.Combine(folder, "chromium"))
        .FirstOrDefault(File.Exists);

    public ChromiumFactAttribute()
    {
        if (Path is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "chromium is not installed (apt-get install -y chromium); install it, or run under CI=true to require it";
        }
    }
}
