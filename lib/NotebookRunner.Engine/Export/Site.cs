using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Export;

/// <summary>
/// The HTML export as one course: a front page per language (what this is, the chapters in order, the languages),
/// and on every page the chapter list with the current one marked, previous and next, the language switch, the
/// notebook to download (copied beside the page) and, when the repository has a .devcontainer/ folder and a GitHub
/// remote, links to open it in a dev container or Codespaces. plotly.js is written once, as plotly.min.js at the top.
/// Every link is relative, so the folder can be served from anywhere (GitHub Pages, any static host) or opened as files.
/// </summary>
public static partial class Site
{
    public const string PlotlyFile = "plotly.min.js";

    /// <summary>A page's navigation: the bar at the top, and previous and next again at the bottom, so a reader at the end goes on.</summary>
    public sealed record PageNavigation(string Top, string Bottom);

    /// <summary>One notebook of the site: its executed copy, where its source is, its page, its title.</summary>
    public sealed record Entry(Notebook Executed, string SourcePath, Editions.Page Page, string Title);

    /// <summary>Writes every page, the front pages, the notebooks and plotly.min.js into <paramref name="folder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<Entry> entries)
    {
        var written = new List<string>();
        void Save(string href, byte[] bytes)
        {
            var path = Path.Combine(folder, href);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            NotebookWriter.WriteAtomically(path, bytes);
            written.Add(href);
        }

        var repository = entries.Count > 0 ? RunLinks(entries[0].SourcePath) : null;
        var pages = entries.Select(e => e.Page).ToList();
        var languages = pages.Select(p => p.Language).Distinct().ToList();
        var charts = false;
        foreach (var entry in entries)
        {
            var chapters = entries.Where(e => e.Page.Language == entry.Page.Language).ToList();
            var index = chapters.IndexOf(entry);
            var nav = Navigation(entry, chapters, index, repository);
            var plotly = Editions.Link(entry.Page.Href, PlotlyFile);
            var html = HtmlExporter.Export(entry.Executed, entry.Title, entry.Page.Language, Editions.LinksFrom(entry.Page, pages), nav, plotly);
            charts |= html.Contains($"src=\"{plotly}\"", StringComparison.Ordinal);
            Save(entry.Page.Href, Encoding.UTF8.GetBytes(html));
            Save(Path.ChangeExtension(entry.Page.Href, ".ipynb"), NotebookWriter.ToBytes(entry.Executed));
        }

        foreach (var language in languages)
        {
            var href = Editions.IndexHref(language);
            var chapters = entries.Where(e => e.Page.Language == language).Select(e => (e.Title, Editions.Link(href, e.Page.Href))).ToList();
            Save(href, Encoding.UTF8.GetBytes(HtmlExporter.Index(chapters, language, Editions.IndexLinksFrom(language, languages), FrontMatter(language, repository))));
        }

        if (charts)
        {
            Save(PlotlyFile, Encoding.UTF8.GetBytes(PlotlyScript.Source));
        }

        return written;
    }

    /// <summary>Where the course can be opened to run: a dev container and Codespaces, for a GitHub repository with .devcontainer/.</summary>
    public sealed record Run(string DevContainer, string Codespaces);

    private static PageNavigation Navigation(Entry entry, List<Entry> chapters, int index, Run? run)
    {
        var text = SiteText.For(entry.Page.Language);
        string Link(Entry to) => WebUtility.HtmlEncode(Editions.Link(entry.Page.Href, to.Page.Href));
        var list = string.Concat(chapters.Select((c, i) => i == index
            ? $"<li><span aria-current=\"page\">{WebUtility.HtmlEncode(c.Title)}</span></li>"
            : $"<li><a href=\"{Link(c)}\">{WebUtility.HtmlEncode(c.Title)}</a></li>"));
        var home = WebUtility.HtmlEncode(Editions.Link(entry.Page.Href, Editions.IndexHref(entry.Page.Language)));
        var download = WebUtility.HtmlEncode(Path.GetFileName(Path.ChangeExtension(entry.Page.Href, ".ipynb")));
        var actions = $"<a href=\"{home}\" rel=\"home\">{text.Home}</a> · <a href=\"{download}\" download>{text.Download}</a>" + RunAnchors(run, text);
        var steps = (index > 0 ? $"<a href=\"{Link(chapters[index - 1])}\" rel=\"prev\">← {text.Previous}: {WebUtility.HtmlEncode(chapters[index - 1].Title)}</a>" : "<span></span>")
                    + (index < chapters.Count - 1 ? $"<a href=\"{Link(chapters[index + 1])}\" rel=\"next\">{text.Next}: {WebUtility.HtmlEncode(chapters[index + 1].Title)} →</a>" : "<span></span>");
        var stepsDiv = $"<div class=\"steps\">{steps}</div>";
        return new PageNavigation(
            $"<nav class=\"site\" aria-label=\"{text.Chapters}\"><div class=\"actions\">{actions}</div>" +
            $"<ol class=\"chapters\">{list}</ol>{stepsDiv}</nav>\n",
            $"<nav class=\"site bottom\">{stepsDiv}</nav>\n");
    }

    private static string FrontMatter(Editions.Language language, Run? run)
    {
        var text = SiteText.For(language);
        return $"<p class=\"about\">{WebUtility.HtmlEncode(text.About)}</p>\n" + (run is null ? "" : $"<p class=\"run\">{RunAnchors(run, text).TrimStart(' ', '·')}</p>\n");
    }

    private static string RunAnchors(Run? run, SiteText text) => run is null ? "" :
        $" · <a href=\"{WebUtility.HtmlEncode(run.DevContainer)}\">{text.DevContainer}</a> · <a href=\"{WebUtility.HtmlEncode(run.Codespaces)}\">{text.Codespaces}</a>";

    /// <summary>
    /// The run links when the notebook's repository has a .devcontainer/ folder and an origin on GitHub: VS Code's
    /// "clone in a container volume" and GitHub's Codespaces address; none without either (nothing to link to).
    /// </summary>
    public static Run? RunLinks(string notebookPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath));
        while (folder is not null && !Path.Exists(Path.Combine(folder, ".git")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        if (folder is null || !Directory.Exists(Path.Combine(folder, ".devcontainer")))
        {
            return null;
        }

        var match = GitHubRemote().Match(Origin(folder));
        if (!match.Success)
        {
            return null;
        }

        var repository = $"{match.Groups["owner"].Value}/{match.Groups["name"].Value}";
        return new Run(
            $"https://vscode.dev/redirect?url=vscode://ms-vscode-remote.remote-containers/cloneInVolume?url=https://github.com/{repository}",
            $"https://codespaces.new/{repository}?quickstart=1");
    }

    private static string Origin(string folder)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-C", folder, "config", "--get", "remote.origin.url" })
            {
                start.ArgumentList.Add(arg);
            }

            using var git = Process.Start(start)!;
            var url = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return url.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return ""; // no git on the machine: no run links
        }
    }

    [GeneratedRegex(@"github\.com[:/](?<owner>[\w.-]+)/(?<name>[\w.-]+?)(?:\.git)?/?$")]
    private static partial Regex GitHubRemote();
}
