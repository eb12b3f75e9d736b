using System.Text.Json.Nodes;

namespace Notebooks.Tests.Editions;

/// <summary>
/// Every English notebook has a Korean and a Japanese edition in step with it (<see cref="EditionSync"/>), and the
/// check catches each way of falling out of step, on the fixtures in Editions/Fixtures: sample.ipynb is the English,
/// good/ a faithful edition (comments, string contents, markdown and #load/#r paths translated), each other folder
/// one fault.
/// </summary>
public sealed class EditionSyncTests
{
    public static TheoryData<string, string> EditionsOfEveryNotebook { get; } = EditionRuns.Languages.Aggregate(
        new TheoryData<string, string>(),
        (data, language) =>
        {
            foreach (string fileName in EditionRuns.EnglishNotebooks)
            {
                data.Add(language, fileName);
            }

            return data;
        });

    private static string Fixtures => Path.Combine(RepositoryPaths.Root, "tests", "Notebooks.Tests", "Editions", "Fixtures");

    [Theory]
    [MemberData(nameof(EditionsOfEveryNotebook))]
    public void The_edition_is_in_step_with_the_english(string language, string fileName)
    {
        string path = EditionRuns.EditionPath(language, fileName);
        JsonNode edition = Read(path);
        var problems = EditionSync.Problems(Read(RepositoryPaths.Notebook(fileName)), edition, Relative(path)).ToList();
        var code = edition["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => string.Concat(c!["source"]!.AsArray().Select(l => (string?)l))).ToList();
        if (code.FirstOrDefault() != "#load \"../build-lib.csx\"")
        {
            problems.Add("the first code cell must be #load \"../build-lib.csx\" (the editions sit one folder deeper)");
        }

        if (!code.Any(c => c.Contains($"Notebook.Setup(language: \"{language}\");", StringComparison.Ordinal)))
        {
            problems.Add($"no set-up cell calls Notebook.Setup(language: \"{language}\"): the library's messages would not be in the edition's language");
        }

        Assert.True(problems.Count == 0, $"{Relative(path)} is out of step with notebooks/{fileName}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_editions_readme_is_in_step_with_the_english(string language)
    {
        string path = Path.Combine(RepositoryPaths.Notebooks, language, "README.md");
        var problems = ReadmeSync.Problems(File.ReadAllText(RepositoryPaths.Notebook("README.md")), File.ReadAllText(path), Relative(path));
        Assert.True(problems.Count == 0, $"{Relative(path)} is out of step with notebooks/README.md:\n" + string.Join("\n", problems));
    }

    public static TheoryData<string> Languages { get; } = new(EditionRuns.Languages);

    [Theory]
    [InlineData("# T\n<!-- translation: sourceSha256={0} -->\nt\n## A\n<!-- translation: sourceSha256={1} -->\na\n", null)]
    [InlineData("# T\n<!-- translation: sourceSha256={0} -->\nt\n", "1 sections, the English has 2")]
    [InlineData("# T\n<!-- translation: sourceSha256={0} -->\nt\n## A\na\n", "section 1 (## A): 0 translation stamps, want 1")]
    [InlineData("# T\n<!-- translation: sourceSha256={1} -->\nt\n## A\n<!-- translation: sourceSha256={1} -->\na\n", "section 0 (# T): stale")]
    public void Each_way_a_readme_falls_out_of_step_is_caught(string edition, string? expected)
    {
        const string english = "# T\nt\n## A\na\n";
        var sections = ReadmeSync.Sections(english);
        Assert.Equal(["# T\nt\n", "## A\na\n"], sections);
        var problems = ReadmeSync.Problems(english, string.Format(edition, EditionSync.Sha256(sections[0]), EditionSync.Sha256(sections[1])), "x.md");
        if (expected is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.True(problems.Count == 1 && problems[0].StartsWith(expected, StringComparison.Ordinal), string.Join("\n", problems));
        }
    }

    [Fact]
    public void A_faithful_edition_passes()
    {
        Assert.Empty(FixtureProblems("good"));
    }

    [Theory]
    [InlineData("stale", "cell b2 (English cell 2): stale: the English cell changed after it was translated")]
    [InlineData("unstamped", "cell c3 (English cell 3): no metadata.translation.sourceSha256")]
    [InlineData("reordered", "cells reordered: at cell b2 (English cell 2) the edition has cell c3 instead")]
    [InlineData("added", "cell x9: in the edition, not in the English")]
    [InlineData("duplicate-id", "cell d4: 2 cells of the edition have this id")]
    [InlineData("removed", "cell d4 (English cell 4): in the English, not in the edition")]
    [InlineData("code-changed", "cell c3 (English cell 3): the code differs from the English in more than comments and string contents: English has `0.5` (line 3) where the edition has `0.25` (line 3)")]
    [InlineData("hole-changed", "cell d4 (English cell 4): the code differs from the English in more than comments and string contents: English has `F4` (line 2) where the edition has `F2` (line 2)")]
    [InlineData("nuget-changed", "cell c3 (English cell 3): the code differs from the English in more than comments and string contents: #r \"nuget:…\" lines differ")]
    [InlineData("cell-type", "cell b2 (English cell 2): a code cell in the edition, markdown in the English")]
    [InlineData("tags", "cell d4 (English cell 4): metadata (kernel, tags) differs from the English")]
    [InlineData("kernelspec", "notebook metadata (kernelspec, kernel info) differs from the English")]
    public void Each_way_out_of_step_is_caught_and_names_the_cell(string fault, string expected)
    {
        var problems = FixtureProblems(fault);
        Assert.True(problems.Count == 1 && problems[0].StartsWith(expected, StringComparison.Ordinal), $"{fault}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_fixture_folder_is_tested()
    {
        string[] tested = ["good", "stale", "unstamped", "reordered", "added", "duplicate-id", "removed", "code-changed", "hole-changed", "nuget-changed", "cell-type", "tags", "kernelspec"];
        Assert.Equal(tested.Order(StringComparer.Ordinal), Directory.GetDirectories(Fixtures).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static IReadOnlyList<string> FixtureProblems(string fault) =>
        EditionSync.Problems(Read(Path.Combine(Fixtures, "sample.ipynb")), Read(Path.Combine(Fixtures, fault, "sample.ipynb")), fault);

    private static JsonNode Read(string path)
    {
        Assert.True(File.Exists(path), $"{Relative(path)} does not exist: {EditionRuns.Missing(path)}");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
}
