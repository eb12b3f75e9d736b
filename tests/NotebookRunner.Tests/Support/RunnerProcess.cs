using System.Diagnostics;

namespace NotebookRunner.Tests.Support;

/// <summary>Runs the command line as a separate process (as a user would), with a hard time limit.</summary>
public static class RunnerProcess
{
    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Duration)
    {
        public string All => Output + Error;
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the runner did not finish within 5 minutes: " + await output);
        }

        return new Result(process.ExitCode, await output, await error, clock.Elapsed);
    }
}
