using System.Diagnostics;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>Executed notebooks validate against the nbformat schema (Debian's python3-nbformat does the checking).</summary>
public sealed class SchemaValidationTests
{
    [NbformatFact]
    public async Task Executed_notebooks_validate_against_the_nbformat_schema()
    {
        var folder = Fixtures.TempFolder();
        foreach (var fixture in new[] { "rules/display.ipynb", "rules/exception.ipynb", "rules/kernels.ipynb", "dib/sample.dib", "roundtrip/vscode.ipynb" })
        {
            File.Copy(Fixtures.PathOf(fixture), Path.Combine(folder, Path.GetFileName(fixture)));
        }

        var output = Path.Combine(folder, "out");
        var run = await RunnerProcess.RunAsync("run", folder, "--out", output, "--continue-on-error");
        Assert.True(run.ExitCode == 1, run.All); // the exception and fsharp fixtures fail, as they should
        var files = Directory.GetFiles(output, "*.ipynb");
        Assert.Equal(5, files.Length);
        foreach (var file in files)
        {
            var (code, text) = await ValidateAsync(file);
            Assert.True(code == 0, $"{Path.GetFileName(file)}: {text}");
        }
    }

    [NbformatFact]
    public async Task The_validator_rejects_an_invalid_notebook()
    {
        var file = Path.Combine(Fixtures.TempFolder(), "invalid.ipynb");
        await File.WriteAllTextAsync(file, """{"cells":[{"cell_type":"code","source":"x","metadata":{},"outputs":[{"output_type":"stream"}]}],"metadata":{},"nbformat":4,"nbformat_minor":2}""");
        var (code, _) = await ValidateAsync(file);
        Assert.NotEqual(0, code);
    }

    private static async Task<(int Code, string Text)> ValidateAsync(string file)
    {
        var start = new ProcessStartInfo(ExternalTool.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT))", file })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, text);
    }
}
