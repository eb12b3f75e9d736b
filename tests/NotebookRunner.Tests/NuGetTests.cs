using NotebookRunner.Engine.Execution;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>#r "nuget: ..." is the kernel's own: it restores for real and reports what cannot be had.</summary>
public sealed class NuGetTests
{
    [Fact]
    public async Task A_package_loads_once_its_install_display_is_stored_in_its_final_state()
    {
        var result = await Run.FixtureAsync("rules/nuget.ipynb", ExecutionSettings.Default with { ContinueOnError = true });

        // The kernel shows "Installing…" and updates that display in place; only the final state is kept.
        var installed = result.Outputs(1)[0].Data["text/html"];
        Assert.Contains("<strong>Installed Packages</strong>", installed, StringComparison.Ordinal);
        Assert.Contains("MathNet.Numerics, 5.0.0", installed, StringComparison.Ordinal);
        Assert.DoesNotContain("Installing", installed, StringComparison.Ordinal);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>2</pre>", result.Outputs(1)[1].Data["text/html"], StringComparison.Ordinal);

        // The same package again is fine, and the matrix from cell 1 is still there.
        Assert.Equal(CellRunStatus.Passed, result.Status(2));
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>2</pre>", result.Outputs(2)[^1].Data["text/html"], StringComparison.Ordinal);

        // A different version of a loaded package is the kernel's error.
        Assert.Equal(CellRunStatus.Failed, result.Status(3));
        Assert.Equal(
            "MathNet.Numerics version 4.15.0 cannot be added because version 5.0.0 was added previously.",
            Assert.Single(result.Outputs(3)).ErrorValue);
    }

    [Fact]
    public async Task A_package_that_cannot_be_had_is_the_kernels_restore_error_in_its_cell()
    {
        var result = await Run.FixtureAsync("rules/nuget-missing.ipynb");
        Assert.Equal(CellRunStatus.Failed, result.Status(1));
        var error = result.Outputs(1).Single(o => o.IsError).ErrorValue;
        Assert.Contains("NU1101", error, StringComparison.Ordinal);
        Assert.Contains("Backprop.Notebooks.NoSuchPackage", error, StringComparison.Ordinal);
    }
}
