using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Notebooks.Tests.Editions;

/// <summary>
/// Whether an edition (notebooks/ko/X.ipynb) is in step with its English notebook (notebooks/X.ipynb), by the
/// translation conventions: the same cell ids in the same order; each cell of the same type, with the English cell's
/// metadata plus <c>translation.sourceSha256</c>, the SHA-256 of the English source it was translated from; a code
/// cell with the English tokens (<see cref="CodeTokens"/>) and <c>#r "nuget:…"</c> lines; the notebook's metadata as in English.
/// </summary>
internal static class EditionSync
{
    public const string StampScript = "tests/Notebooks.Tests/Editions/stamp.py";

    /// <summary>Every way the edition is out of step, one line each, naming the cell by id and English position.</summary>
    public static IReadOnlyList<string> Problems(JsonNode english, JsonNode edition, string editionPath)
    {
        var problems = new List<string>();
        if (!JsonNode.DeepEquals(english["metadata"], edition["metadata"]))
        {
            problems.Add($"notebook metadata (kernelspec, kernel info) differs from the English: {edition["metadata"]?.ToJsonString()}");
        }

        var englishCells = Cells(english);
        var editionCells = Cells(edition);
        var englishIds = englishCells.Select(c => c.Id).ToList();
        var editionIds = editionCells.Select(c => c.Id).ToList();
        problems.AddRange(englishIds.Except(editionIds).Select(id => $"cell {Name(id, englishIds)}: in the English, not in the edition (removed here, or added to the English: translate it)"));
        problems.AddRange(editionIds.Except(englishIds).Select(id => $"cell {id}: in the edition, not in the English (added here, or removed from the English)"));
        var common = englishIds.Intersect(editionIds).ToList();
        var commonInEdition = editionIds.Where(common.Contains).ToList();
        int moved = common.Zip(commonInEdition).TakeWhile(p => p.First == p.Second).Count();
        if (moved < common.Count)
        {
            problems.Add($"cells reordered: at cell {Name(common[moved], englishIds)} the edition has cell {commonInEdition[moved]} instead");
        }

        problems.AddRange(editionIds.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"cell {g.Key}: {g.Count()} cells of the edition have this id"));
        var byId = editionCells.DistinctBy(c => c.Id).ToDictionary(c => c.Id);
        foreach (var en in englishCells.Where(c => byId.ContainsKey(c.Id)))
        {
            problems.AddRange(CellProblems(en, byId[en.Id], editionPath).Select(p => $"cell {Name(en.Id, englishIds)}: {p}"));
        }

        return problems;
    }

    /// <summary>The lowercase hex SHA-256 of a cell's source (the ipynb lines joined), as the editions record it.</summary>
    public static string Sha256(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    private static IEnumerable<string> CellProblems(Cell en, Cell ed, string editionPath)
    {
        if (en.Type != ed.Type)
        {
            yield return $"a {ed.Type} cell in the edition, {en.Type} in the English";
            yield break;
        }

        var metadata = (JsonObject?)ed.Json["metadata"]?.DeepClone() ?? [];
        string? recorded = (string?)metadata["translation"]?["sourceSha256"];
        metadata.Remove("translation");
        if (!JsonNode.DeepEquals(en.Json["metadata"] ?? new JsonObject(), metadata))
        {
            yield return $"metadata (kernel, tags) differs from the English: {metadata.ToJsonString()} vs {en.Json["metadata"]?.ToJsonString()}";
        }

        string hash = Sha256(en.Source);
        if (recorded is null)
        {
            yield return $"no metadata.translation.sourceSha256: stamp it once translated (python3 {StampScript} {editionPath} --stamp {en.Id})";
        }
        else if (recorded != hash)
        {
            yield return $"stale: the English cell changed after it was translated (translated from {recorded[..12]}…, English now {hash[..12]}…); "
                + $"update the translation, then stamp it (python3 {StampScript} {editionPath} --stamp {en.Id})";
        }

        if (en.Type == "code")
        {
            if (CodeDifference(en.Source, ed.Source) is { } difference)
            {
                yield return $"the code differs from the English in more than comments and string contents: {difference}";
            }
        }
    }

    private static string? CodeDifference(string english, string edition)
    {
        var a = CodeTokens.Of(english);
        var b = CodeTokens.Of(edition);
        int same = a.Zip(b).TakeWhile(p => p.First.Token == p.Second.Token).Count();
        if (same < Math.Max(a.Count, b.Count))
        {
            string At(IReadOnlyList<(string Token, int Line)> tokens) =>
                same < tokens.Count ? $"`{tokens[same].Token}` (line {tokens[same].Line})" : "the end of the cell";
            return $"English has {At(a)} where the edition has {At(b)}";
        }

        var nugetA = CodeTokens.NugetReferences(english);
        var nugetB = CodeTokens.NugetReferences(edition);
        return nugetA.SequenceEqual(nugetB) ? null
            : $"#r \"nuget:…\" lines differ: {string.Join(", ", nugetA)} vs {string.Join(", ", nugetB)}";
    }

    private static string Name(string id, List<string> englishIds) =>
        englishIds.IndexOf(id) is var i and >= 0 ? $"{id} (English cell {i + 1})" : id;

    private static List<Cell> Cells(JsonNode notebook) =>
        notebook["cells"]!.AsArray().Select(c => new Cell(c!.AsObject())).ToList();

    private sealed record Cell(JsonObject Json)
    {
        public string Id => (string?)Json["id"] ?? "(no id)";

        public string Type => (string?)Json["cell_type"] ?? "";

        /// <summary>The ipynb source: one string, or a list of lines joined with "".</summary>
        public string Source => Json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
            JsonNode one => (string?)one ?? "",
            null => "",
        };
    }
}

/// <summary>
/// Whether an edition's README (notebooks/ko/README.md) is in step with notebooks/README.md: the same sections (a
/// section runs from a line starting with "## " to the next; section 0 is what comes before the first), each edition
/// section carrying one line <c>&lt;!-- translation: sourceSha256=HEX --&gt;</c>, the SHA-256 of the English section's text.
/// </summary>
internal static partial class ReadmeSync
{
    public static IReadOnlyList<string> Problems(string english, string edition, string editionPath)
    {
        var en = Sections(english);
        var ed = Sections(edition);
        var problems = new List<string>();
        if (en.Count != ed.Count)
        {
            problems.Add($"{ed.Count} sections, the English has {en.Count} (sections start at \"## \" lines): translate the missing ones or drop the extra ones");
        }

        foreach (var (i, (enSection, edSection)) in en.Zip(ed).Index())
        {
            string title = enSection.Split('\n')[0];
            var stamps = Stamp().Matches(edSection).Select(m => m.Groups[1].Value).ToList();
            string fix = $"python3 {EditionSync.StampScript} {editionPath} --stamp {i}";
            if (stamps.Count != 1)
            {
                problems.Add($"section {i} ({title}): {stamps.Count} translation stamps, want 1; once translated: {fix}");
            }
            else if (stamps[0] != EditionSync.Sha256(enSection))
            {
                problems.Add($"section {i} ({title}): stale: the English section changed after it was translated; update the translation, then {fix}");
            }
        }

        return problems;
    }

    /// <summary>The text cut before every line that starts with "## ", line endings kept (section 0 may be empty).</summary>
    public static IReadOnlyList<string> Sections(string text) => SectionStart().Split(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?=^## )", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex SectionStart();

    [System.Text.RegularExpressions.GeneratedRegex(@"^<!-- translation: sourceSha256=([0-9a-f]{64}) -->$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex Stamp();
}
