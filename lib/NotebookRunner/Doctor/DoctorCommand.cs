namespace NotebookRunner.Doctor;

/// <summary>
/// The <c>doctor</c> command: checks what a student's Run All needs, one line per check (✓, ! or ✗, and after → the
/// command that fixes it), in the order a set-up is made. Exit code 0 only when nothing is ✗.
/// </summary>
public static class DoctorCommand
{
    public static async Task<int> ExecuteAsync(DoctorSetup setup, TextWriter output, CancellationToken cancellationToken = default)
    {
        output.WriteLine($"Backprop Notebooks doctor: {setup.Root}");
        var results = new List<CheckResult>();
        void Report(CheckResult result)
        {
            results.Add(result);
            output.WriteLine(result.ToString());
            output.Flush();
        }

        Report(await Checks.SdkAsync(setup, cancellationToken).ConfigureAwait(false));
        var tool = Checks.PinnedKernel(setup);
        Report(tool);
        Report(await Checks.LibraryAsync(setup, cancellationToken).ConfigureAwait(false));
        if (setup.StartKernel)
        {
            Report(await Checks.KernelAsync(setup, tool.Mark == CheckMark.Ok, cancellationToken).ConfigureAwait(false));
        }

        foreach (var result in await Checks.JupyterAsync(setup, cancellationToken).ConfigureAwait(false))
        {
            Report(result);
        }

        Report(Checks.Culture(setup));

        var failed = results.Count(r => r.Mark == CheckMark.Failed);
        output.WriteLine(failed == 0
            ? "Run All should work: open a notebook in notebooks/ and run it."
            : $"{failed} {(failed == 1 ? "check" : "checks")} failed: type the command after → on each ✗ line, then run doctor again.");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
