using System.Text.RegularExpressions;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>The HTML export in a real browser: every Plotly chart drawn offline, no console errors.</summary>
public sealed class BrowserTests
{
    [ChromiumFact]
    public async Task Every_chart_in_an_exported_page_is_drawn_offline_without_console_messages()
    {
        var folder = Fixtures.Copy("charts");
        var html = Path.Combine(folder, "html");
        var run = await RunnerProcess.RunAsync("run", folder, "--out", Path.Combine(folder, "out"), "--html", html);
        Assert.True(run.ExitCode == 0, run.All);

        Assert.Contains("charts.html\">Two charts</a>", await File.ReadAllTextAsync(Path.Combine(html, "index.html")), StringComparison.Ordinal);
        var page = await Chromium.LoadAsync(Path.Combine(html, "charts.html"));

        // Split the DOM at each chart's div: each part must hold the SVG plotly.js draws into it.
        var charts = Regex.Split(page.Dom, "<div id=\"plotly-").Skip(1).ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, chart => Assert.Contains("class=\"main-svg\"", chart, StringComparison.Ordinal));
        Assert.DoesNotContain("<script src=\"https://cdn.plot.ly", page.Dom, StringComparison.Ordinal);
        Assert.Empty(page.ConsoleMessages);
    }

    [ChromiumFact]
    public async Task The_console_check_does_see_a_failing_page()
    {
        var page = Path.Combine(Fixtures.TempFolder(), "broken.html");
        await File.WriteAllTextAsync(page, "<html><body><script>console.error('seen'); notDefined();</script></body></html>");
        var loaded = await Chromium.LoadAsync(page);
        Assert.Contains(loaded.ConsoleMessages, m => m.Contains("seen", StringComparison.Ordinal));
        Assert.Contains(loaded.ConsoleMessages, m => m.Contains("notDefined", StringComparison.Ordinal));
    }
}
