using System.Net;
using System.Text.RegularExpressions;
using Backprop.Notebooks.Display;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks.Tests;

[Collection(FormatterCollection.Name)]
public sealed partial class SourceTests
{
    public static TheoryData<string> LibraryTypes() => [.. RepositoryFiles.LibrarySources().Keys.Order(StringComparer.Ordinal)];

    /// <summary>The library types with a body of members (a positional record such as TwoLayerNetGradients has none).</summary>
    public static TheoryData<string> LibraryTypesWithBodies() =>
        [.. RepositoryFiles.LibrarySources().Where(f => File.ReadAllLines(f.Value).Contains("{")).Select(f => f.Key).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(LibraryTypes))]
    public void Source_is_the_file_on_disk(string typeName)
    {
        string onDisk = File.ReadAllText(RepositoryFiles.LibrarySources()[typeName]);
        SourceCode source = Notebook.Source(typeName);
        Assert.Equal(onDisk, source.Code);
        Assert.Equal(onDisk, source.ToString());
        Assert.Equal(Path.GetRelativePath(RepositoryFiles.Root, RepositoryFiles.LibrarySources()[typeName]).Replace('\\', '/'), source.Path);
    }

    [Theory]
    [MemberData(nameof(LibraryTypes))]
    public void Highlighting_only_adds_markup(string typeName)
    {
        // The pane shows the code with its doc comments as text; markup is all the highlighter adds.
        SourceCode source = Notebook.Source(typeName);
        Assert.Equal(DocComments.AsText(source.Code), ShownText(source));
    }

    [Theory]
    [MemberData(nameof(LibraryTypes))]
    public void Doc_comments_change_nothing_but_doc_comment_lines(string typeName)
    {
        string code = Notebook.Source(typeName).Code;
        static IEnumerable<string> Others(string text) => text.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal));
        Assert.Equal(Others(code), Others(DocComments.AsText(code)));
        Assert.DoesNotContain("<summary>", DocComments.AsText(code), StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", DocComments.AsText(code), StringComparison.Ordinal);
        Assert.DoesNotContain("&gt;", DocComments.AsText(code), StringComparison.Ordinal);
    }

    [Fact]
    public void Relu_doc_comments_read_as_text()
    {
        SourceCode relu = Notebook.Source("Relu");
        string html = relu.ToHtml();
        Assert.DoesNotContain("&amp;gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;c&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;summary&gt;", html, StringComparison.Ordinal);
        string shown = ShownText(relu);
        Assert.Contains(
            "/// ReLU, y = max(0, x) elementwise: ∂y/∂x is 1 where x > 0 and 0 where x ≤ 0 (at the kink x = 0 too, as in the\n"
            + "/// book, whose mask is x <= 0), so backward lets dout through where the input was positive.\n"
            + "public sealed class Relu",
            shown,
            StringComparison.Ordinal);
        Assert.Contains("    /// dx = dout, 0 where x ≤ 0: a new matrix, where the book zeroes the caller's dout in place.\n    public Matrix<double> Backward", shown, StringComparison.Ordinal);
        // The plain text stays the file itself.
        Assert.Contains("/// <summary>", relu.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<summary>∂L/∂W from the last <see cref="Backward"/>.</summary>""", "∂L/∂W from the last Backward.")]
    [InlineData("""<see cref="Forward(Matrix{double}, Matrix{double})"/> and <see cref="T:Backprop.Affine"/>""", "Forward and Backprop.Affine")]
    [InlineData("""<see cref="HtmlAndTextSource{T}"/>, <see langword="null"/>""", "HtmlAndTextSource<T>, null")]
    [InlineData("""<paramref name="dout"/> is <c>x &lt;= 0</c> &amp; <em>kept</em>""", "dout is x <= 0 & kept")]
    [InlineData("""<param name="h">The step.</param><returns>The gradient.</returns>""", "h: The step.Returns The gradient.")]
    [InlineData("""<exception cref="ArgumentException">No such file.</exception>""", "ArgumentException: No such file.")]
    public void Doc_comment_xml_becomes_text(string xml, string text)
    {
        Assert.Equal(text, DocComments.ToText(xml));
    }

    [Fact]
    public void Section_tags_leave_one_blank_comment_line_between_paragraphs()
    {
        const string code = "    /// <summary>\n    /// First.\n    /// </summary>\n    /// <remarks>\n    /// Second.\n    /// </remarks>\n    int x;";
        Assert.Equal("    /// First.\n    ///\n    /// Second.\n    int x;", DocComments.AsText(code));
    }

    [Fact]
    public void Long_lines_wrap_under_their_own_indentation()
    {
        string html = Notebook.Source("Affine").ToHtml();
        Assert.Contains("white-space:pre-wrap;overflow-wrap:anywhere;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("overflow:auto", html, StringComparison.Ordinal);
        // "        var dx = ..." is indented 8: its continuation lines start at 8 + 4.
        Assert.Contains("<span style=\"display:block;padding-left:12ch;text-indent:-12ch\">        <span style=\"color:#0000ff\">var</span> dx = ", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"display:block;padding-left:4ch;text-indent:-4ch\"><span style=\"color:#0000ff\">public</span> <span style=\"color:#0000ff\">sealed</span>", html, StringComparison.Ordinal);
        int lines = Notebook.Source("Affine").Code.Split('\n').Length;
        Assert.Equal(lines - DocLinesDropped("Affine"), Regex.Count(html, "display:block"));
    }

    [Fact]
    public void A_block_comment_is_cut_at_line_ends_so_spans_nest()
    {
        SourceCode source = new("X", "/* one\ntwo */ int x;");
        string html = source.ToHtml();
        Assert.Contains("<span style=\"color:#008000\">/* one</span>\n</span><span style=\"display:block;padding-left:4ch;text-indent:-4ch\"><span style=\"color:#008000\">two */</span>", html, StringComparison.Ordinal);
        Assert.Equal(source.Code, ShownText(source));
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
    public void Chosen_members_are_cut_out_with_their_comments()
    {
        // Expected text taken from the file by line numbers found here, independently of the brace counting.
        string[] lines = File.ReadAllText(RepositoryFiles.LibrarySources()["Affine"]).Split('\n');
        int forward = Array.FindIndex(lines, l => l.Contains("/// <summary>Returns x·W + b", StringComparison.Ordinal));
        int backward = Array.FindIndex(lines, l => l.Contains("/// <summary>Returns dx = dout·Wᵀ", StringComparison.Ordinal));
        int end = Array.FindIndex(lines, backward, l => l == "    }");
        string Dedented(int from, int to) => string.Join("\n", lines[from..to].Select(l => l.Length >= 4 ? l[4..] : l));
        string expected = Dedented(forward, backward - 1) + "\n\n" + Dedented(backward, end + 1);

        SourceCode source = Notebook.Source("Affine", "Forward", "Backward");
        Assert.Equal(expected, source.Code);
        Assert.StartsWith("/// <summary>Returns x·W + b (b added to each row) and keeps x for <see cref=\"Backward\"/>.</summary>\npublic Matrix<double> Forward(", source.Code, StringComparison.Ordinal);
        Assert.EndsWith("    return dx;\n}", source.Code, StringComparison.Ordinal);
        Assert.Equal(["Forward", "Backward"], source.Members);
        Assert.Equal("Affine", source.Name);
        Assert.Contains("lib/Backprop/Layers/Affine.cs · Forward, Backward</div>", WebUtility.HtmlDecode(source.ToHtml()), StringComparison.Ordinal);
    }

    [Fact]
    public void Members_come_in_the_order_asked_and_with_every_overload()
    {
        string reversed = Notebook.Source("Affine", "Backward", "Forward").Code;
        Assert.True(reversed.IndexOf("Backward(Matrix", StringComparison.Ordinal) < reversed.IndexOf("Forward(Matrix", StringComparison.Ordinal));

        string forward = Notebook.Source("SoftmaxWithLoss", "Forward").Code;
        Assert.Contains("public double Forward(Matrix<double> x, Matrix<double> t)", forward, StringComparison.Ordinal);
        Assert.Contains("public double Forward(Matrix<double> x, int[] labels)", forward, StringComparison.Ordinal);
        Assert.DoesNotContain("Backward(double", forward, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(forward, "^public double Forward", RegexOptions.Multiline));
    }

    [Fact]
    public void Fields_properties_and_constructors_are_members_too()
    {
        Assert.Equal(
            ["x", "dw", "dbias", "Affine", "W", "b", "dW", "db", "Forward", "Backward"],
            SourceMembers.Of(Notebook.Source("Affine").Code, "Affine").Select(m => m.Name));
        Assert.Equal(
            "/// <summary>∂L/∂W from the last <see cref=\"Backward\"/>, of W's shape.</summary>\n"
            + "public Matrix<double> dW => dw ?? throw new InvalidOperationException(Messages.Format(Errors.SetByBackward, nameof(dW)));",
            Notebook.Source("Affine", "dW").Code);
    }

    [Theory]
    [MemberData(nameof(LibraryTypesWithBodies))]
    public void Members_cover_every_line_of_the_type_body(string typeName)
    {
        // Each library file holds one type, braces at column 0: every non-blank line between them
        // belongs to exactly one member (a blank line to at most one: those inside a body do).
        string code = Notebook.Source(typeName).Code;
        string[] lines = code.Split('\n');
        int open = Array.IndexOf(lines, "{");
        int close = Array.LastIndexOf(lines, "}");
        var owners = new int[lines.Length];
        foreach (SourceMembers.Member m in SourceMembers.Of(code, typeName))
        {
            int first = code[..m.Start].Count(c => c == '\n');
            int last = code[..m.End].Count(c => c == '\n');
            for (int i = first; i <= last; i++)
            {
                owners[i]++;
            }
        }

        for (int i = open + 1; i < close; i++)
        {
            Assert.True(lines[i].Trim().Length == 0 ? owners[i] <= 1 : owners[i] == 1, $"{typeName}.cs line {i + 1} ({owners[i]} members): {lines[i]}");
        }
    }

    [Fact]
    public void Members_survive_braces_in_strings_comments_and_initialisers()
    {
        const string code = """
            class T
            {
                // a } in a comment, a "{" in a string, a '}' in a char
                public string A { get; } = "}";

                public int B(int x) => x switch { 1 => '{', _ => 0 };

                [Obsolete("no")]
                public Func<int, int> C<TX>() { return v => { return v; }; } // trailing

                int d = 1, e = 2;
            }
            """;
        // A field with two declarators is named by its first.
        Assert.Equal(["A", "B", "C", "d"], SourceMembers.Of(code, "T").Select(m => m.Name));
        Assert.Equal("[Obsolete(\"no\")]\npublic Func<int, int> C<TX>() { return v => { return v; }; } // trailing", SourceMembers.Extract(code, "T", ["C"]));
    }

    [Fact]
    public void An_unknown_member_says_which_members_exist()
    {
        var e = Assert.Throws<ArgumentException>(() => Notebook.Source("Relu", "Backwards"));
        Assert.Equal("Relu has no member \"Backwards\"; its members: mask, Forward, Backward", e.Message.Split(" (Parameter")[0]);
        Assert.Throws<ArgumentException>(() => Notebook.Source("Relus", "Forward"));
    }

    [Fact]
    public void Html_colours_keywords_comments_strings_and_types()
    {
        string html = Notebook.Source("Affine").ToHtml();
        Assert.Contains("<span style=\"color:#0000ff\">public</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#267f99\">Matrix</span>&lt;", html, StringComparison.Ordinal);
        Assert.Matches("<span style=\"color:#008000\">///", html);
        Assert.Contains("lib/Backprop/Layers/Affine.cs", html, StringComparison.Ordinal);
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
    public void Colours_come_from_Roslyn_s_classification_not_a_word_list()
    {
        // A word list colours every "record" and "var", and cannot tell a method from a type by its name.
        const string code = "var record = 1;\nrecord Var(int var);\nvar n = Math.Max(record, 2);";
        string html = CSharpHighlighter.Highlight(code);
        Assert.Contains(">var</span> record = <", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#0000ff\">record</span> <span style=\"color:#267f99\">Var</span>(<span style=\"color:#0000ff\">int</span> var)", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#267f99\">Math</span>.<span style=\"color:#795e26\">Max</span>(record, ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_types_colour_as_types_and_their_methods_as_methods()
    {
        // Given the library's assemblies, Roslyn knows MathNet's Zeros and the library's Shapes for the types
        // they are, which nothing in the syntax of "Zeros.Include" or "Shapes.Of" says.
        Assert.Contains("<span style=\"color:#267f99\">Zeros</span>.Include", Notebook.Source("RowWise").ToHtml(), StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#267f99\">Shapes</span>.<span style=\"color:#795e26\">Of</span>(", Notebook.Source("Ensure").ToHtml(), StringComparison.Ordinal);
        Assert.DoesNotContain("<span style=\"color:#267f99\">Zeros</span>", CSharpHighlighter.Highlight("var z = Zeros.Include;"), StringComparison.Ordinal);
    }

    [Fact]
    public void Notebook_cells_render_script_directives_and_magic_commands()
    {
        const string code = "#!time\n#r \"nuget: MathNet.Numerics, 5.0.0\"\n#load \"build-lib.csx\"\nusing Backprop;\nawait Task.Delay(1);";
        string html = CSharpHighlighter.Highlight(code);
        Assert.Contains("<span style=\"color:#0000ff\">#!time</span>\n</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#0000ff\">#r</span> <span style=\"color:#a31515\">&quot;nuget: MathNet.Numerics, 5.0.0&quot;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#0000ff\">#load</span> <span style=\"color:#a31515\">&quot;build-lib.csx&quot;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#af00db\">await</span> <span style=\"color:#267f99\">Task</span>.<span style=\"color:#795e26\">Delay</span>(", html, StringComparison.Ordinal);
        Assert.Equal(code, WebUtility.HtmlDecode(Tag().Replace(html, "")));
    }

    [Fact]
    public void Names_Roslyn_cannot_resolve_colour_by_their_place_in_the_syntax()
    {
        // No MathNet reference here: Matrix and Dense are unknown, yet plainly a type and a call; M is neither.
        string html = CSharpHighlighter.Highlight("Matrix<double> a = M.Dense(2, 2, 0.0);\nvar b = Matrix<double>.Build;");
        Assert.Contains("<span style=\"color:#267f99\">Matrix</span>&lt;<span style=\"color:#0000ff\">double</span>&gt; a = M.<span style=\"color:#795e26\">Dense</span>(", html, StringComparison.Ordinal);
        Assert.Contains("b = <span style=\"color:#267f99\">Matrix</span>&lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlighting_on_many_threads_at_once_gives_the_same_html()
    {
        string code = Notebook.Source("Relu").Code;
        string expected = CSharpHighlighter.Highlight(code);
        string[] results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = CSharpHighlighter.Highlight(code));
        Assert.All(results, html => Assert.Equal(expected, html));
    }

    [Fact]
    public void Code_only_blanks_comments_strings_and_directives_and_keeps_the_code()
    {
        const string code = "#nullable enable\nvar s = $\"{a}}}\" + \"\"\"\n  { raw\n  \"\"\"; // }\nchar c = '{'; /* { */ int x = 1;";
        string masked = CSharpHighlighter.CodeOnly(code);
        Assert.Equal(code.Length, masked.Length);
        Assert.Equal(code.Split('\n').Length, masked.Split('\n').Length);
        Assert.DoesNotContain('{', masked);
        Assert.DoesNotContain('}', masked);
        Assert.DoesNotContain("nullable", masked, StringComparison.Ordinal);
        Assert.Contains("var s = ", masked, StringComparison.Ordinal);
        Assert.Contains("int x = 1;", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_displays_as_html_and_as_plain_code()
    {
        SourceCode source = Notebook.Source("Relu");
        Assert.StartsWith("<div class=\"backprop-source\"", Formatter.ToDisplayString(source, "text/html"), StringComparison.Ordinal);
        Assert.Equal(source.Code, Formatter.ToDisplayString(source, "text/plain"));
    }

    /// <summary>The text a reader sees in the pane: tags out, entities decoded.</summary>
    private static string ShownText(SourceCode source)
    {
        Match code = CodeBlock().Match(source.ToHtml());
        Assert.True(code.Success);
        return WebUtility.HtmlDecode(Tag().Replace(code.Groups[1].Value, ""));
    }

    private static int DocLinesDropped(string typeName)
    {
        string code = Notebook.Source(typeName).Code;
        return code.Split('\n').Length - DocComments.AsText(code).Split('\n').Length;
    }

    [GeneratedRegex("<pre[^>]*><code>(.*)</code></pre>", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
