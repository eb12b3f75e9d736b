using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Notebooks.Tests.Editions;

/// <summary>
/// The style rules of notebooks/GLOSSARY.md ("One voice per language") that a program can check, in every markdown
/// cell, code comment and string of the Korean and Japanese editions and in every ko/ja .resx string of lib/. Markdown
/// is read without its code (spans and blocks), math and link targets: those stay as in the English.
/// </summary>
public sealed partial class EditionStyleTests
{
    /// <summary>One rule: what it finds, and what to write instead.</summary>
    public sealed record Rule(string Language, Regex Pattern, string Instead, Applies Where = Applies.Everywhere);

    [Flags]
    public enum Applies
    {
        Markdown = 1,
        Code = 2,
        Resx = 4,
        Everywhere = Markdown | Code | Resx,
    }

    private const string Japanese = @"\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}";

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("ja", new(@"書籍"), "本"),
        new("ja", new(@"私たち|あなた"), "no 私たち/あなた: say it without the pronoun"),
        new("ja", new(@"レイヤー"), "レイヤ"),
        new("ja", new($@"[{Japanese}ー、。][ ]?(:|\((?=[^)\n]*[{Japanese}]))"), "full-width 「：」「（」 after Japanese text (a parenthesis of Japanese words; a shape or a formula stays half-width)"),
        new("ja", new(@"練習問題(\s+(\d|\{\d\})|(\d+|\{\d\})\s*:)"), "練習問題N："),
        new("ja", new($@"(?<!\*)\*(?=[^\s*])[^*\n]*[{Japanese}][^*\n]*(?<=[^\s*])\*(?!\*)|(?<![\w_])_(?=\S)[^_\n]*[{Japanese}][^_\n]*(?<=\S)_(?![\w_])"), "no italics on Japanese words: bold or 「」", Applies.Markdown),
        new("ko", new(@"레이어|은닉 입력|가중치 합|엣지"), "the book's terms: 계층, 은닉층 (입력), 가중합, 에지"),
        new("ko", new(@"우리|당신"), "no 우리/당신: say it without the pronoun (이 라이브러리의, 이 노트북의)"),
        new("ko", new(@"(?m)[가-힣][^;\n`]*;|;[^;\n`]*[가-힣]"), "no semicolon in Korean text: 「, 」 or 「 / 」", Applies.Markdown | Applies.Resx),
        new("ko", new(@"((?<!아)니다|세요|어요|해요)[.!?](?=\s|$)"), "해라체 in prose (「~다」); quote a printed message in a code span or a blockquote", Applies.Markdown),
        new("ko", new(@"(?<!니)다\.(?=\s|$)|세요[.(]"), "합쇼체 in the library's messages (「~니다.」, 「~십시오.」)", Applies.Resx),
    ];

    public static TheoryData<string, string> EditionNotebooks { get; } = EditionRuns.Languages.Aggregate(
        new TheoryData<string, string>(),
        (data, language) =>
        {
            foreach (string fileName in EditionRuns.EnglishNotebooks)
            {
                data.Add(language, fileName);
            }

            data.Add(language, "README.md");
            return data;
        });

    public static TheoryData<string> Languages { get; } = new(EditionRuns.Languages);

    [Theory]
    [MemberData(nameof(EditionNotebooks))]
    public void Every_cell_of_the_edition_follows_its_style_rules(string language, string fileName)
    {
        string path = Path.Combine(RepositoryPaths.Notebooks, language, fileName);
        IEnumerable<(string Where, string Text, Applies Kind)> texts = fileName.EndsWith(".md", StringComparison.Ordinal)
            ? [(fileName, ReadableMarkdown(File.ReadAllText(path)), Applies.Markdown)]
            : JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray().Index().SelectMany(c => CellTexts(c.Index, c.Item!));
        var violations = Violations(language, texts);
        Assert.True(violations.Count == 0, $"notebooks/{language}/{fileName} breaks the style rules of notebooks/GLOSSARY.md:\n" + string.Join("\n", violations));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_resx_string_follows_its_style_rules(string language)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "lib"), $"*.{language}.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var texts = files.SelectMany(f => XDocument.Load(f).Root!.Elements("data")
            .Select(d => ($"{Path.GetRelativePath(RepositoryPaths.Root, f)} {d.Attribute("name")?.Value}", d.Element("value")?.Value ?? "", Applies.Resx)));
        var violations = Violations(language, texts);
        Assert.True(violations.Count == 0, $"the {language} .resx strings break the style rules of notebooks/GLOSSARY.md:\n" + string.Join("\n", violations));
    }

    [Theory]
    [InlineData("ja", "本の図では", null)]
    [InlineData("ja", "書籍の図では", "本")]
    [InlineData("ja", "勾配確認の結果: 合格", "full-width")]
    [InlineData("ja", "関数 (ソフトマックス関数) を使います", "full-width")]
    [InlineData("ja", "`f(x)` と $f(x)$ は半角のままです", null)]
    [InlineData("ja", "形状は (3,) で、点 (x, y) ごとに", null)]
    [InlineData("ja", "### 練習問題 1: 除算レイヤ", "練習問題N：")]
    [InlineData("ja", "### 練習問題1：除算レイヤ", null)]
    [InlineData("ja", "これは*重要な*点です", "italics")]
    [InlineData("ja", "これは**重要な**点です\n* 項目", null)]
    [InlineData("ja", "私たちのネットワーク", "私たち")]
    [InlineData("ko", "은닉 입력이 0 근처에 있다", "은닉층")]
    [InlineData("ko", "우리 라이브러리의 Relu", "우리")]
    [InlineData("ko", "덧셈: 15; 곱셈: 50", "semicolon")]
    [InlineData("ko", "이 값은 2.2입니다.", "해라체")]
    [InlineData("ko", "이것은 버그가 아니다.", null)]
    [InlineData("ko", "이 값은 2.2다.\n> 이 셀은 `lib/Backprop.Notebooks는 최신 상태입니다.`를 출력한다.", null)]
    public void The_rules_catch_what_they_name(string language, string markdown, string? expected)
    {
        var violations = Violations(language, [("sample", ReadableMarkdown(markdown), Applies.Markdown)]);
        if (expected is null)
        {
            Assert.Empty(violations);
        }
        else
        {
            Assert.True(violations.Count == 1 && violations[0].Contains(expected, StringComparison.Ordinal), string.Join("\n", violations));
        }
    }

    [Theory]
    [InlineData("ko", "x가 바뀌지 않도록 주의하세요.", "합쇼체")]
    [InlineData("ko", "결과는 새 행렬에 담으세요(책은 복사합니다).", "합쇼체")]
    [InlineData("ko", "값을 확인해 보았다.", "합쇼체")]
    [InlineData("ko", "x가 바뀌지 않도록 주의하십시오. 값은 2.2입니다.", null)]
    public void The_resx_rules_catch_what_they_name(string language, string message, string? expected)
    {
        var violations = Violations(language, [("sample", message, Applies.Resx)]);
        if (expected is null)
        {
            Assert.Empty(violations);
        }
        else
        {
            Assert.True(violations.Count == 1 && violations[0].Contains(expected, StringComparison.Ordinal), string.Join("\n", violations));
        }
    }

    private static List<string> Violations(string language, IEnumerable<(string Where, string Text, Applies Kind)> texts) =>
        [.. from t in texts
            from rule in Rules
            where rule.Language == language && rule.Where.HasFlag(t.Kind)
            from Match m in rule.Pattern.Matches(t.Text)
            select $"{t.Where}: «{Context(t.Text, m)}»: {rule.Instead}"];

    private static IEnumerable<(string, string, Applies)> CellTexts(int index, JsonNode cell)
    {
        string source = cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
        string where = $"cell {index} ({(string?)cell["id"]})";
        return (string?)cell["cell_type"] == "code"
            ? CodeTokens.Prose(source).Select(p => (where, p, Applies.Code))
            : [(where, ReadableMarkdown(source), Applies.Markdown)];
    }

    /// <summary>Markdown without what stays as in the English: fenced blocks, code spans, math, link targets, HTML comments; a blockquote is a quotation.</summary>
    private static string ReadableMarkdown(string markdown)
    {
        string text = Fenced().Replace(markdown, "");
        text = HtmlComment().Replace(text, "");
        text = DisplayMath().Replace(text, " ");
        text = CodeSpan().Replace(text, " ");
        text = InlineMath().Replace(text, " ");
        text = LinkTarget().Replace(text, "]");
        return Blockquote().Replace(text, "");
    }

    private static string Context(string text, Match m)
    {
        int start = Math.Max(0, m.Index - 12);
        int end = Math.Min(text.Length, m.Index + m.Length + 12);
        return text[start..end].ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"(?ms)^```.*?^```")]
    private static partial Regex Fenced();

    [GeneratedRegex(@"(?s)<!--.*?-->")]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"(?s)\$\$.*?\$\$")]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\$[^$\n]+\$")]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"\]\([^)\s]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"(?m)^>.*$")]
    private static partial Regex Blockquote();
}
