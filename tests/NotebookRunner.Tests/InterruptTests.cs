using System.Diagnostics;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>
/// Ctrl-C (SIGINT) stops the run and every kernel process it started; so does SIGKILL, which the runner never sees
/// (what a CI timeout sends): the kernels are tied to the runner's life (KernelLifetime).
/// </summary>
public sealed class InterruptTests
{
    [Fact]
    public async Task Ctrl_C_stops_every_kernel_the_run_started_and_exits_130()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc and kill(1) are how this test sees processes; CI and the dev machines are Linux.
        }

        var (runner, kernels) = await StartTwoSleepingNotebooksAsync();
        using var _ = runner;
        var error = runner.StandardError.ReadToEndAsync();
        using (var kill = Process.Start("kill", ["-INT", runner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = runner.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await runner.WaitForExitAsync(limit.Token);
        await rest;
        Assert.Equal(130, runner.ExitCode);
        Assert.Contains("interrupted: every kernel this run started was stopped", await error, StringComparison.Ordinal);

        // A killed process lingers in /proc until it is reaped: give that a moment, and count a zombie as gone.
        for (var wait = 0; wait < 50 && kernels.Any(IsRunning); wait++)
        {
            await Task.Delay(200);
        }

        Assert.All(kernels, pid => Assert.False(IsRunning(pid), $"process {pid} is still running"));
    }

    [Fact]
    public async Task Kill_9_of_the_runner_leaves_no_kernel_alive_5_seconds_later()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc and kill(1) again; on Windows a job object does the same, untested here.
        }

        var (runner, kernels) = await StartTwoSleepingNotebooksAsync();
        using var _ = runner;
        Assert.All(kernels, pid => Assert.True(IsRunning(pid), $"process {pid} should run while its runner does"));
        runner.Kill(entireProcessTree: false);
        await runner.WaitForExitAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.All(kernels, pid => Assert.False(IsRunning(pid), $"process {pid} outlived its runner by 5 s: {CommandLine(pid)}"));
    }

    /// <summary>Starts the runner on two notebooks that sleep forever in their second cell, and waits until both do.</summary>
    private static async Task<(Process Runner, List<int> Kernels)> StartTwoSleepingNotebooksAsync()
    {
        var folder = Fixtures.TempFolder();
        File.Copy(Fixtures.PathOf("rules/timeout.ipynb"), Path.Combine(folder, "a.ipynb"));
        File.Copy(Fixtures.PathOf("rules/timeout.ipynb"), Path.Combine(folder, "b.ipynb"));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"), "run", folder, "--jobs", "2", "--out", Path.Combine(folder, "out")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var runner = Process.Start(start)!;
        var seen = new List<string>();
        var started = 0;
        while (started < 2 && await runner.StandardOutput.ReadLineAsync() is { } line)
        {
            seen.Add(line);
            started += line.Contains("cell 1/3  ok", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(started == 2, string.Join("\n", seen));
        var kernels = Descendants(runner.Id);
        Assert.True(kernels.Count >= 2, $"expected the two kernels among the runner's child processes, found {kernels.Count}");
        return (runner, kernels);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Every process below <paramref name="parent"/>, read from /proc.</summary>
    private static List<int> Descendants(int parent)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ppid = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                (children.TryGetValue(ppid, out var list) ? list : children[ppid] = []).Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        var result = new List<int>();
        var queue = new Queue<int>([parent]);
        while (queue.Count > 0)
        {
            foreach (var child in children.GetValueOrDefault(queue.Dequeue(), []))
            {
                result.Add(child);
                queue.Enqueue(child);
            }
        }

        return result;
    }
}
