using System.Diagnostics;

namespace NotebookRunner.Tests.Support;

/// <summary>
/// Debian's headless chromium: loads a page with the network pointed at a closed local port (so anything not
/// inlined fails), lets scripts run, and returns the final DOM plus every console message the page logged.
/// </summary>
public static class Chromium
{
    public sealed record Page(string Dom, IReadOnlyList<string> ConsoleMessages);

    public static async Task<Page> LoadAsync(string htmlPath)
    {
        var profile = Fixtures.TempFolder();
        var start = new ProcessStartInfo(ExternalTool.Find("chromium") ?? "chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
                     "--proxy-server=127.0.0.1:9", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=15000",
                     "--dump-dom", new Uri(htmlPath).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        var messages = (await log).Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        return new Page(await dom, messages);
    }
}
