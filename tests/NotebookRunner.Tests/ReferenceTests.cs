using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>#r "relative/path.dll" resolves against the notebook's folder, not the process's working directory.</summary>
public sealed class ReferenceTests
{
    [Fact]
    public async Task A_relative_dll_reference_is_found_next_to_the_notebook()
    {
        var folder = Fixtures.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "tools"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Markdig.dll"), Path.Combine(folder, "tools", "Markdig.dll"));
        var path = Path.Combine(folder, "uses-dll.ipynb");
        var notebook = Notebook.Create([("csharp", "#r \"tools/Markdig.dll\"\nMarkdig.Markdown.ToHtml(\"*x*\")")]);
        await File.WriteAllBytesAsync(path, NotebookWriter.ToBytes(notebook));

        var result = await new NotebookExecutor(ExecutionSettings.Default).RunAsync(NotebookReader.Read(path));

        Assert.True(result.Succeeded, result.Cells[0].Message);
        Assert.Equal("<p><em>x</em></p>\n", Assert.Single(result.Outputs(1)).Data["text/plain"]);
    }

    [Fact]
    public async Task A_missing_dll_is_a_compile_error_naming_it()
    {
        var result = await new NotebookExecutor(ExecutionSettings.Default).RunAsync(
            Notebook.Create([("csharp", "\n#r \"nowhere/Missing.dll\"")], path: Path.Combine(Fixtures.TempFolder(), "missing.ipynb")));
        var error = Assert.Single(result.Outputs(1)).ErrorValue;
        Assert.Contains("error CS0006: Metadata file", error, StringComparison.Ordinal);
        Assert.Contains("Missing.dll", error, StringComparison.Ordinal);
    }
}
