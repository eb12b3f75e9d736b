using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// A class a notebook shows with <c>Notebook.Source</c> stays within twice the book's non-blank lines
/// (common/layers.py, ch05/layer_naive.py, ch05/two_layer_net.py), counted in the pane a student reads:
/// the stored output of every notebook, and the same call on the library as built now.
/// </summary>
[Collection(FormatterCollection.Name)]
public sealed partial class PaneLengthTests(ITestOutputHelper output)
{
    /// <summary>The book's non-blank lines, doubled: MulLayer 13, AddLayer 10, Relu 12, Sigmoid 10, Affine 22, SoftmaxWithLoss 19, TwoLayerNet 52.</summary>
    private static readonly Dictionary<string, int> Limits = new()
    {
        ["MulLayer"] = 26,
        ["AddLayer"] = 20,
        ["Relu"] = 24,
        ["Sigmoid"] = 20,
        ["Affine"] = 44,
        ["SoftmaxWithLoss"] = 38,
        ["TwoLayerNet"] = 104,
    };

    public static TheoryData<string> Notebooks() => [.. NotebookPaths()];

    private static IEnumerable<string> NotebookPaths() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "notebooks"), "*.ipynb", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Stored_panes_stay_within_twice_the_book(string notebook)
    {
        foreach (Pane pane in Panes(notebook).Where(p => Limits.ContainsKey(p.Type)))
        {
            Assert.True(pane.StoredLines is not null, $"{notebook}: the pane of {pane.Call} has no stored output; run the notebook with --update.");
            Assert.True(pane.StoredLines <= Limits[pane.Type],
                $"{notebook}: {pane.Call} shows {pane.StoredLines} non-blank lines, more than {Limits[pane.Type]} (twice the book's {pane.Type}).");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_same_panes_from_the_library_as_built_stay_within_twice_the_book(string notebook)
    {
        foreach (Pane pane in Panes(notebook).Where(p => Limits.ContainsKey(p.Type)))
        {
            int lines = NonBlankLines(ShownText(Show(pane.Arguments).ToHtml()));
            output.WriteLine($"{notebook}: {pane.Call}: {lines} of at most {Limits[pane.Type]} (stored: {pane.StoredLines})");
            Assert.True(lines <= Limits[pane.Type],
                $"{notebook}: {pane.Call} would show {lines} non-blank lines, more than {Limits[pane.Type]} (twice the book's {pane.Type}).");
        }
    }

    [Fact]
    public void Every_class_of_the_table_is_shown_by_some_English_notebook()
    {
        var shown = NotebookPaths().Where(n => !n.Contains("/ko/", StringComparison.Ordinal) && !n.Contains("/ja/", StringComparison.Ordinal))
            .SelectMany(n => Panes(n)).Select(p => p.Type).ToHashSet();
        Assert.All(Limits.Keys, type => Assert.Contains(type, shown));
    }

    [Fact]
    public void A_pane_counts_the_lines_a_student_sees()
    {
        // Doc-comment tags are not shown (a <summary> line alone disappears); blank lines do not count.
        string html = new SourceCode("X", "/// <summary>\n/// One.\n/// </summary>\n\nint x;\n   \nint y;").ToHtml();
        Assert.Equal(3, NonBlankLines(ShownText(html)));
        string relu = Notebook.Source("Relu").ToHtml();
        Assert.Equal(NonBlankLines(DocCommentsText(Notebook.Source("Relu").Code)), NonBlankLines(ShownText(relu)));
    }

    private sealed record Pane(string Call, string Type, string[] Arguments, int? StoredLines);

    private static IEnumerable<Pane> Panes(string notebook)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, notebook)));
        var panes = new List<Pane>();
        foreach (JsonElement cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            string source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(s => s.GetString()));
            foreach (Match call in SourceCall().Matches(source))
            {
                string[] arguments = [.. StringLiteral().Matches(call.Groups[1].Value).Select(m => m.Groups[1].Value)];
                string? html = cell.TryGetProperty("outputs", out JsonElement outputs)
                    ? outputs.EnumerateArray()
                        .Where(o => o.TryGetProperty("data", out JsonElement d) && d.TryGetProperty("text/html", out _))
                        .Select(o => Text(o.GetProperty("data").GetProperty("text/html")))
                        .FirstOrDefault(h => h.Contains("backprop-source", StringComparison.Ordinal))
                    : null;
                panes.Add(new Pane(call.Value, arguments[0], arguments, html is null ? null : NonBlankLines(ShownText(html))));
            }
        }

        return panes;
    }

    private static SourceCode Show(string[] arguments) =>
        arguments.Length == 1 ? Notebook.Source(arguments[0]) : Notebook.Source(arguments[0], arguments[1], arguments[2..]);

    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(s => s.GetString())) : value.GetString() ?? "";

    /// <summary>The text in a pane's code box: tags out, entities decoded.</summary>
    private static string ShownText(string html)
    {
        Match code = CodeBlock().Match(html);
        Assert.True(code.Success, "no <pre><code> in the pane");
        return WebUtility.HtmlDecode(Tag().Replace(code.Groups[1].Value, ""));
    }

    private static string DocCommentsText(string code) => Display.DocComments.AsText(code);

    private static int NonBlankLines(string text) => text.Split('\n').Count(l => l.Trim().Length > 0);

    [GeneratedRegex(@"Notebook\.Source\(((?:\s*""[^""]*""\s*,?)+)\)")]
    private static partial Regex SourceCall();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("<pre[^>]*><code>(.*)</code></pre>", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
