using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// A graph's buttons in headless chromium (offline), in each edition's language: a driver script on the page presses
/// them (clicks and keys, as a reader does) and writes what it saw into the DOM, which chromium dumps. The page must
/// open finished, reset to nothing, reveal one label per step in the library's order with the library's captions and
/// rules, step back, end where it opened, and reset again, with no console message.
/// </summary>
[Collection(FormatterCollection.Name)]
public sealed partial class ComputationalGraphBrowserTests
{
    private static readonly string[] Languages = ["en", "ko", "ja"];

    /// <summary>The script that steps every graph of a page and writes what it saw into the page (shared with SiteBrowserTests).</summary>
    private static readonly string Driver =
        File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "Backprop.Notebooks.Tests", "graph-step-driver.html"));

    [ChromiumFact]
    public async Task Every_graph_steps_forward_then_backward_with_its_rules_in_every_language()
    {
        var folder = Directory.CreateTempSubdirectory("graph-browser-").FullName;
        var expected = new Dictionary<string, IReadOnlyList<(string Caption, string Text)>>();
        foreach (var language in Languages)
        {
            var (graph, steps) = InCulture(language, () => (Shop().ToHtml(), Captions(Shop())));
            expected[language] = steps;
            await File.WriteAllTextAsync(Path.Combine(folder, $"{language}.html"),
                $"<!DOCTYPE html>\n<html lang=\"{language}\"><head><meta charset=\"utf-8\"></head><body>\n{graph}\n{Driver}</body></html>\n");
        }

        foreach (var language in Languages)
        {
            var page = await DriveAsync(Path.Combine(folder, $"{language}.html"), Path.Combine(folder, "profile-" + language));
            Assert.Empty(page.Console);
            var graph = Assert.Single(page.Graphs);
            var steps = expected[language];
            int n = steps.Count;
            Assert.True(graph["ready"]!.GetValue<bool>(), "the graph's script ran");
            Assert.False(graph["controlsHidden"]!.GetValue<bool>());
            Assert.Equal(Enumerable.Range(1, n), Ints(graph["opened"]));
            Assert.Null(graph["openedBubble"]?.GetValue<string>());
            Assert.Empty(Ints(graph["reset"]));
            Assert.True(graph["previousDisabled"]!.GetValue<bool>());
            var seen = graph["steps"]!.AsArray();
            Assert.Equal(n, seen.Count);
            for (int k = 0; k < n; k++)
            {
                Assert.Equal(Enumerable.Range(1, k + 1), Ints(seen[k]!["shown"]));
                Assert.Equal(steps[k].Caption, seen[k]!["caption"]!.GetValue<string>());
                Assert.Equal(steps[k].Text, seen[k]!["bubble"]!.GetValue<string>());
                Assert.Single(seen[k]!["bold"]!.AsArray());
            }

            Assert.True(graph["nextDisabled"]!.GetValue<bool>());
            Assert.Equal(Enumerable.Range(1, n - 1), Ints(graph["back"]));
            Assert.Equal(Ints(graph["opened"]), Ints(graph["end"]));
            Assert.Empty(Ints(graph["again"]));
        }

        // The rules the student reads, in the edition's language, in the order the book computes them.
        var english = expected["en"].Select(s => s.Text).ToList();
        Assert.Equal("it starts here: 1, sent to the × node (output 715)", english[9]);
        Assert.Equal("× sends apple what arrives from upstream times its other input: 1.1 × 2 = 2.2", english[16]);
        Assert.Equal("+ passes 1.1 on to the × node (output 200)", english[12]);
        Assert.Equal("× 노드는 입력을 서로 바꿔 상류에서 전해진 값에 곱하고 apple 쪽으로 보냅니다: 1.1 × 2 = 2.2", expected["ko"][16].Text);
        Assert.Equal("× は入力をひっくり返して上流から伝わった値に掛け、appleへ返します：1.1 × 2 = 2.2", expected["ja"][16].Text);
    }

    private static ComputationalGraph Shop() => Notebook.Graph()
        .Value("apple").Value("apple_num").Value("orange").Value("orange_num").Value("tax")
        .Operation("mul_apple", "×").Operation("mul_orange", "×").Operation("add", "+").Operation("mul_tax", "×").Value("price")
        .Edge("apple", "mul_apple", 100, 2.2).Edge("apple_num", "mul_apple", 2, 110)
        .Edge("orange", "mul_orange", 150, 3.3).Edge("orange_num", "mul_orange", 3, 165)
        .Edge("mul_apple", "add", 200, 1.1).Edge("mul_orange", "add", 450, 1.1)
        .Edge("add", "mul_tax", 650, 1.1).Edge("tax", "mul_tax", 1.1, 650).Edge("mul_tax", "price", 715, 1);

    /// <summary>What the page must show at each step, from the library: caption (with "Forward 3/9") and rule.</summary>
    private static IReadOnlyList<(string Caption, string Text)> Captions(ComputationalGraph graph)
    {
        var steps = graph.Steps;
        int forward = steps.Count(s => s.Pass == GraphPass.Forward);
        string forwardWord = Backprop.Notebooks.Resources.GraphSteps.ForwardStep, backwardWord = Backprop.Notebooks.Resources.GraphSteps.BackwardStep;
        return steps.Select((s, i) => (string.Format(CultureInfo.InvariantCulture, s.Pass == GraphPass.Forward ? forwardWord : backwardWord,
            s.Pass == GraphPass.Forward ? i + 1 : i + 1 - forward, s.Pass == GraphPass.Forward ? forward : steps.Count - forward, s.Text), s.Text)).ToList();
    }

    private static T InCulture<T>(string language, Func<T> action)
    {
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "en" ? "" : language);
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private sealed record Driven(string Dom, IReadOnlyList<string> Console, IReadOnlyList<JsonNode> Graphs);

    private static async Task<Driven> DriveAsync(string page, string profile)
    {
        var start = new ProcessStartInfo(ChromiumFactAttribute.Path ?? "chromium") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9",
                     "--enable-logging=stderr", "--v=0", "--virtual-time-budget=15000", "--dump-dom", new Uri(page).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> dom = process.StandardOutput.ReadToEndAsync();
        Task<string> log = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        var console = (await log).Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        Match results = ResultsElement().Match(await dom);
        Assert.True(results.Success, $"the driver wrote no results on {page}");
        var graphs = JsonNode.Parse(System.Net.WebUtility.HtmlDecode(results.Groups[1].Value))!.AsArray().Select(g => g!).ToList();
        return new Driven(await dom, console, graphs);
    }

    private static List<int> Ints(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<int>()).ToList();

    [GeneratedRegex("<pre id=\"cg-results\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ResultsElement();
}
