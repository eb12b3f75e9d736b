using NotebookRunner.Engine.Export;
using NotebookRunner.Engine.Formats;
using TexMath;

namespace NotebookRunner.Tests;

/// <summary>
/// Every $...$ and $$...$$ in the repository's notebooks, read as the HTML export reads them, converts without a
/// problem: no unknown command, no raw TeX on the page.
/// </summary>
public sealed class NotebookMathTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    private static IReadOnlyList<string> NotebookNames =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "notebooks"), "*.ipynb").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Notebooks => [.. NotebookNames];

    [Fact]
    public void The_repository_has_notebooks_with_math_to_check()
    {
        // Guards the theory below against passing vacuously on an empty folder or a notebook with no formulas read.
        Assert.True(NotebookNames.Count >= 3, $"expected the chapter notebooks in {RepositoryRoot}/notebooks");
        var formulas = NotebookNames.SelectMany(FormulasOf).ToList();
        Assert.True(formulas.Count > 100, $"only {formulas.Count} formulas found");
        Assert.Contains(formulas, f => f.Tex.Contains("\\underbrace", StringComparison.Ordinal) && f.Display);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_formula_converts_without_a_problem_or_a_leftover_backslash(string notebook)
    {
        var failures = new List<string>();
        foreach (var (cell, tex, display) in FormulasOf(notebook))
        {
            var problems = new List<string>();
            var math = TexToMathMl.Convert(tex, display, problems);
            var rendered = math[..math.IndexOf("<annotation", StringComparison.Ordinal)];
            if (problems.Count > 0 || rendered.Contains('\\', StringComparison.Ordinal) || rendered.Contains("<merror>", StringComparison.Ordinal))
            {
                failures.Add($"cell {cell}: {tex} -> {string.Join("; ", problems)} {rendered}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(HtmlExporter.MathProblems(NotebookReader.Read(Path.Combine(RepositoryRoot, "notebooks", notebook))));
    }

    [Fact]
    public void Math_problems_name_the_cell_and_the_formula_and_skip_code()
    {
        var notebook = Notebook.Create([("csharp", "var s = \"$\\foo$\";"), ("markdown", "Inline $\\foo x$, `$\\bar$` and\n\n$$\\frac{a}{b}$$")]);
        Assert.Equal(["cell 2: unknown command \\foo in $\\foo x$"], HtmlExporter.MathProblems(notebook));
    }

    private static IEnumerable<(int Cell, string Tex, bool Display)> FormulasOf(string notebook)
    {
        var cells = NotebookReader.Read(Path.Combine(RepositoryRoot, "notebooks", notebook)).Cells;
        for (var index = 0; index < cells.Count; index++)
        {
            if (cells[index].CellType == "markdown")
            {
                foreach (var (tex, display) in MarkdownMath.Formulas(cells[index].Source))
                {
                    yield return (index + 1, tex, display);
                }
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Notebooks.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Notebooks.sln above {AppContext.BaseDirectory}.");
    }
}
