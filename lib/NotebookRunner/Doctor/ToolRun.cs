using System.Diagnostics;

namespace NotebookRunner.Doctor;

/// <summary>A tool doctor asks (dotnet --version, jupyter-kernelspec list), run with the set-up's PATH and a time limit.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    /// <summary>The first line that says something, for a one-line report.</summary>
    public string FirstLine => All.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? $"exit code {ExitCode}";

    public static async Task<ToolRun> RunAsync(DoctorSetup setup, string file, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = setup.SearchPath;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // Under dotnet test or dotnet run, MSBuild's variables point a child build at the parent's SDK internals.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ToolRun(-1, "", $"could not start {file}: {e.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(setup.ToolTimeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new ToolRun(-1, "", $"{Path.GetFileName(file)} did not answer within {setup.ToolTimeout.TotalSeconds:0} s");
            }

            return new ToolRun(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
    }
}
