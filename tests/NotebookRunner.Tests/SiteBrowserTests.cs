using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>
/// The exported site in headless chromium. The pages come from `run --html --no-run` on the repository's notebooks
/// (their stored outputs, from the real kernel; no kernel started here). The stepping itself is tested on the
/// library's own output in Backprop.Notebooks.Tests (ComputationalGraphBrowserTests). A driver script appended to a copy of each page presses the graphs'
/// buttons (clicks and keys, as a reader does) and writes what it saw into the DOM, which chromium dumps.
/// </summary>
public sealed partial class SiteBrowserTests
{
    /// <summary>Steps every graph of the page to the end, back one, on to the end, and resets; the results as JSON in the DOM.</summary>
    private static readonly string Driver =
        File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Backprop.Notebooks.Tests", "graph-step-driver.html"));

    [ChromiumFact]
    public async Task The_notebooks_site_reaches_every_page_from_the_front_page_and_draws_every_chart_without_console_errors()
    {
        var notebooks = Path.Combine(RepositoryRoot(), "notebooks");
        var site = await ExportAsync(notebooks, Path.Combine(Fixtures.TempFolder(), "site"));

        // Every page of every language, by following links from the English front page only.
        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(site, p)).ToHashSet();
        var reached = Crawl(site, "index.html");
        Assert.Equal(pages.Order(), reached.Order());
        Assert.Equal(3 * 4 + 3, pages.Count);
        foreach (var ipynb in Directory.GetFiles(notebooks, "*.ipynb", SearchOption.AllDirectories))
        {
            var href = Path.ChangeExtension(Path.GetRelativePath(notebooks, ipynb), ".ipynb");
            Assert.True(File.Exists(Path.Combine(site, href)), $"{href} is not in the site to download");
        }

        Assert.Single(Directory.GetFiles(site, "plotly*.js", SearchOption.AllDirectories));
        foreach (var page in pages.Where(p => !p.EndsWith("index.html", StringComparison.Ordinal)))
        {
            var html = await File.ReadAllTextAsync(Path.Combine(site, page));
            Assert.DoesNotContain("Plotly.newPlot=", html, StringComparison.Ordinal);
            Assert.Single(AriaCurrentChapter().Matches(html));
            var driven = await DriveAsync(Path.Combine(site, page));
            Assert.True(driven.Console.Count == 0, $"{page}: {string.Join("\n", driven.Console)}");
            var charts = Regex.Split(driven.Dom, "<div id=\"plotly-").Skip(1).ToList();
            Assert.All(charts, chart => Assert.Contains("class=\"main-svg\"", chart, StringComparison.Ordinal));

            // Graphs whose stored output has the buttons (after the notebooks are run with this library) step to the end and back.
            foreach (var graph in driven.Graphs.Where(g => g["ready"]!.GetValue<bool>()))
            {
                var opened = Ints(graph["opened"]);
                Assert.Equal(opened, Ints(graph["end"]));
                Assert.Empty(Ints(graph["reset"]));
                Assert.Empty(Ints(graph["again"]));
            }
        }
    }

    private static async Task<string> ExportAsync(string notebooks, string site)
    {
        var run = await RunnerProcess.RunAsync("run", notebooks, "--no-run", "--out", Path.Combine(Path.GetDirectoryName(site)!, "out"), "--html", site);
        Assert.True(run.ExitCode == 0, run.All);
        return site;
    }

    private sealed record Driven(string Dom, IReadOnlyList<string> Console, IReadOnlyList<JsonNode> Graphs);

    /// <summary>The page, a copy of it with the driver appended beside it (so its relative links still resolve), in chromium.</summary>
    private static async Task<Driven> DriveAsync(string page)
    {
        var copy = Path.Combine(Path.GetDirectoryName(page)!, "driven-" + Path.GetFileName(page));
        var html = await File.ReadAllTextAsync(page);
        await File.WriteAllTextAsync(copy, html.Replace("</body>", Driver + "</body>", StringComparison.Ordinal));
        try
        {
            var loaded = await Chromium.LoadAsync(copy);
            var results = ResultsElement().Match(loaded.Dom);
            Assert.True(results.Success, $"the driver wrote no results on {page}");
            var graphs = JsonNode.Parse(System.Net.WebUtility.HtmlDecode(results.Groups[1].Value))!.AsArray().Select(g => g!).ToList();
            return new Driven(loaded.Dom, loaded.ConsoleMessages, graphs);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static List<int> Ints(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<int>()).ToList();

    /// <summary>Every page reachable by relative links from <paramref name="start"/>.</summary>
    private static HashSet<string> Crawl(string site, string start)
    {
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var page))
        {
            var html = File.ReadAllText(Path.Combine(site, page));
            foreach (Match link in Href().Matches(html))
            {
                var target = System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
                if (target.Contains("://", StringComparison.Ordinal) || !target.EndsWith(".html", StringComparison.Ordinal))
                {
                    continue;
                }

                var resolved = Path.GetRelativePath(site, Path.GetFullPath(Path.Combine(site, Path.GetDirectoryName(page)!, target)));
                Assert.True(File.Exists(Path.Combine(site, resolved)), $"{page} links to {target}, which is not there");
                if (seen.Add(resolved))
                {
                    queue.Enqueue(resolved);
                }
            }
        }

        return seen;
    }

    private static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "Notebooks.sln")))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("no Notebooks.sln above " + AppContext.BaseDirectory);
        }

        return folder;
    }

    [GeneratedRegex("<pre id=\"cg-results\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ResultsElement();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<li><span aria-current=\"page\">")]
    private static partial Regex AriaCurrentChapter();
}
