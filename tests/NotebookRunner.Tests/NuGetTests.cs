using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Engine.Packages;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>#r "nuget: ..." restores for real, caches on disk, and reports what cannot be had.</summary>
public sealed class NuGetTests
{
    [Fact]
    public async Task Packages_restore_once_then_come_from_the_disk_cache()
    {
        var cache = Fixtures.TempFolder();
        var notebook = NotebookReader.Read(Fixtures.PathOf("rules/nuget.ipynb"));

        var first = new NuGetRestorer(cache);
        var result = await new NotebookExecutor(ExecutionSettings.Default with { ContinueOnError = true }, first).RunAsync(notebook);
        Assert.Equal(1, first.RestoreCount);
        Assert.Contains("MathNet.Numerics, 5.0.0", result.Outputs(1)[0].Data["text/html"], StringComparison.Ordinal);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>2</pre>", result.Outputs(1)[1].Data["text/html"], StringComparison.Ordinal);

        // The same package again is no new restore; the matrix from cell 1 is still there.
        Assert.Equal(CellRunStatus.Passed, result.Status(2));
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>2</pre>", Assert.Single(result.Outputs(2)).Data["text/html"], StringComparison.Ordinal);

        // A different version of a loaded package is an error, as in Polyglot.
        Assert.Equal(CellRunStatus.Failed, result.Status(3));
        Assert.Equal(
            "MathNet.Numerics version 4.15.0 cannot be added because version 5.0.0 was added previously.",
            Assert.Single(result.Outputs(3)).ErrorValue);

        var second = new NuGetRestorer(cache);
        var again = await new NotebookExecutor(ExecutionSettings.Default with { ContinueOnError = true }, second).RunAsync(notebook);
        Assert.Equal(0, second.RestoreCount);
        Assert.Equal(CellRunStatus.Passed, again.Status(1));
    }

    [Fact]
    public async Task A_package_that_cannot_be_had_is_a_clear_error_in_its_cell()
    {
        var restorer = new NuGetRestorer(Fixtures.TempFolder());
        var notebook = NotebookReader.Read(Fixtures.PathOf("rules/nuget-missing.ipynb"));
        var result = await new NotebookExecutor(ExecutionSettings.Default, restorer).RunAsync(notebook);
        var error = Assert.Single(result.Outputs(1)).ErrorValue;
        Assert.StartsWith("could not restore nuget: Backprop.Notebooks.NoSuchPackage, 9.9.9", error, StringComparison.Ordinal);
        Assert.Contains("NU1101", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Directives_are_blanked_so_line_numbers_stay_and_sources_resolve_against_the_notebook()
    {
        var parsed = DirectiveParser.Parse("#r \"nuget: A.B, 1.2.3\"\n#i \"nuget: ./feed\"\n#r \"nuget:C\"\nvar x = 1;", "/notebooks");
        Assert.Equal("\n\n\nvar x = 1;", parsed.Code);
        Assert.Equal([new PackageRequest("A.B", "1.2.3"), new PackageRequest("C", null)], parsed.Packages);
        Assert.Equal(["/notebooks/feed"], parsed.Sources);
    }

    [Fact]
    public void Runtime_assemblies_come_from_the_assets_file_transitive_ones_included()
    {
        const string assets = """
            {"targets":{"net10.0":{
              "A/1.0.0":{"type":"package","dependencies":{"B":"2.0.0"},"runtime":{"lib/net8.0/A.dll":{}}},
              "B/2.0.0":{"type":"package","runtime":{"lib/netstandard2.0/B.dll":{}}},
              "C/1.0.0":{"type":"package","runtime":{"lib/net8.0/_._":{}}},
              "P/1.0.0":{"type":"project"}}},
             "libraries":{"A/1.0.0":{"path":"a/1.0.0"},"B/2.0.0":{"path":"b/2.0.0"},"C/1.0.0":{"path":"c/1.0.0"}},
             "packageFolders":{"/packages/":{}}}
            """;
        Assert.Equal(["/packages/a/1.0.0/lib/net8.0/A.dll", "/packages/b/2.0.0/lib/netstandard2.0/B.dll"], NuGetRestorer.ReadRuntimeAssemblies(assets));
    }
}
