namespace NotebookRunner.Engine.Export;

/// <summary>
/// The language editions of the pages: the English notebooks, and their Korean and Japanese translations in ko/ and
/// ja/ beside them under the same file names. The one place that knows a notebook's language and its other editions.
/// </summary>
public static class Editions
{
    public sealed record Language(string Code, string Name, string IndexTitle);

    /// <summary>In the order the language bar shows them, each named in itself.</summary>
    public static IReadOnlyList<Language> All { get; } =
    [
        new("en", "English", "Notebooks"),
        new("ko", "한국어", "노트북 목록"),
        new("ja", "日本語", "ノートブック一覧"),
    ];

    public static Language English => All[0];

    /// <summary>One exported page: where it goes below the export folder, its language, and what its editions share.</summary>
    public sealed record Page(string Href, Language Language, string Key);

    /// <summary>A notebook's page: its language is the folder it sits in (ko/, ja/), anything else is English.</summary>
    public static Page PageOf(string notebookPath, string name)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(notebookPath)));
        var language = All.Skip(1).FirstOrDefault(l => l.Code == folder) ?? English;
        var href = Path.ChangeExtension(name, ".html").Replace('\\', '/');
        var parts = href.Split('/').ToList();
        if (language != English && parts.Count > 1 && parts[^2] == language.Code)
        {
            parts.RemoveAt(parts.Count - 2); // ko/5.4-simple-layers.html is the Korean 5.4-simple-layers.html
        }

        return new Page(href, language, string.Join('/', parts));
    }

    /// <summary>The page's editions in the run, itself included, each linked from the page; empty when it has no other.</summary>
    public static IReadOnlyList<(Language Language, string Href)> LinksFrom(Page page, IEnumerable<Page> pages)
    {
        var editions = All.Select(l => pages.FirstOrDefault(p => p.Key == page.Key && p.Language == l)).OfType<Page>().ToList();
        return editions.Count < 2 ? [] : editions.Select(p => (p.Language, Link(page.Href, p.Href))).ToList();
    }

    /// <summary>Where a language's index goes: index.html at the top for English, ko/index.html for Korean.</summary>
    public static string IndexHref(Language language) => language == English ? "index.html" : $"{language.Code}/index.html";

    /// <summary>The indexes of the given languages, each linked from the index of <paramref name="from"/>; empty for one.</summary>
    public static IReadOnlyList<(Language Language, string Href)> IndexLinksFrom(Language from, IEnumerable<Language> languages)
    {
        var present = All.Where(languages.Contains).ToList();
        return present.Count < 2 ? [] : present.Select(l => (l, Link(IndexHref(from), IndexHref(l)))).ToList();
    }

    /// <summary>A relative link between two files given by their paths below the export folder.</summary>
    public static string Link(string from, string to) =>
        Path.GetRelativePath(Path.Combine("/", Path.GetDirectoryName(from) ?? ""), Path.Combine("/", to)).Replace('\\', '/');
}
