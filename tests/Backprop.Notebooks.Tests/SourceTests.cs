using System.Net;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks.Tests;

[Collection(FormatterCollection.Name)]
public sealed partial class SourceTests
{
    public static TheoryData<string> LibraryTypes() => [.. RepositoryFiles.LibrarySources().Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(LibraryTypes))]
    public void Source_is_the_file_on_disk(string typeName)
    {
        string onDisk = File.ReadAllText(RepositoryFiles.LibrarySources()[typeName]);
        SourceCode source = Notebook.Source(typeName);
        Assert.Equal(onDisk, source.Code);
        Assert.Equal(onDisk, source.ToString());
        Assert.Equal($"lib/Backprop/{typeName}.cs", source.Path);
    }

    [Theory]
    [MemberData(nameof(LibraryTypes))]
    public void Highlighting_only_adds_markup(string typeName)
    {
        SourceCode source = Notebook.Source(typeName);
        Match code = CodeBlock().Match(source.ToHtml());
        Assert.True(code.Success);
        string text = WebUtility.HtmlDecode(Tag().Replace(code.Groups[1].Value, ""));
        Assert.Equal(source.Code, text);
    }

    [Fact]
    public void Every_library_file_is_available_and_nothing_else()
    {
        Assert.Equal(RepositoryFiles.LibrarySources().Keys.Order(StringComparer.Ordinal), Notebook.SourceNames);
        Assert.Contains("Affine", Notebook.SourceNames);
    }

    [Fact]
    public void File_names_and_other_casing_find_the_same_source()
    {
        Assert.Equal(Notebook.Source("Affine").Code, Notebook.Source("Affine.cs").Code);
        Assert.Equal("Affine", Notebook.Source("affine").Name);
    }

    [Fact]
    public void An_unknown_name_says_which_names_exist()
    {
        var e = Assert.Throws<ArgumentException>(() => Notebook.Source("Afine"));
        Assert.Contains("Afine", e.Message, StringComparison.Ordinal);
        Assert.Contains("Affine, ", e.Message, StringComparison.Ordinal);
        Assert.Contains("Sigmoid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_colours_keywords_comments_strings_and_types()
    {
        string html = Notebook.Source("Affine").ToHtml();
        Assert.Contains("<span style=\"color:#0000ff\">public</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#267f99\">Matrix</span>&lt;", html, StringComparison.Ordinal);
        Assert.Matches("<span style=\"color:#008000\">///", html);
        Assert.Contains("lib/Backprop/Affine.cs", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlighter_separates_token_kinds()
    {
        const string code = "// why\nvar s = \"if\"; if (x > 1.5e-3) return Foo(s); char c = '\\'';";
        SourceCode source = new("X", code);
        string html = source.ToHtml();
        Assert.Contains("<span style=\"color:#008000\">// why</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#a31515\">&quot;if&quot;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#af00db\">if</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#098658\">1.5e-3</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#795e26\">Foo</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#a31515\">&#39;\\&#39;&#39;</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_displays_as_html_and_as_plain_code()
    {
        SourceCode source = Notebook.Source("Relu");
        Assert.StartsWith("<div class=\"backprop-source\"", Formatter.ToDisplayString(source, "text/html"), StringComparison.Ordinal);
        Assert.Equal(source.Code, Formatter.ToDisplayString(source, "text/plain"));
    }

    [GeneratedRegex("<pre[^>]*><code>(.*)</code></pre>", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
