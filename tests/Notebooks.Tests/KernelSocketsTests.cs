using System.Net;
using System.Text.Json.Nodes;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>
/// What a student's kernel opens to others. The fixture's cell lists the sockets its own kernel process listens on
/// (read from /proc, so Linux only): run by the runner, as VS Code Polyglot starts the kernel (stdio), it listens on
/// no TCP port; started by Jupyter through the kernelspec the repository ships (notebooks/kernelspec), it listens
/// on loopback only (Jupyter's own five channels), and its HTTP API sits on a unix socket only its user can connect to.
/// </summary>
public sealed class KernelSocketsTests
{
    private static readonly string Fixture = Path.Combine(RepositoryPaths.Root, "tests", "Notebooks.Tests", "Fixtures", "sockets", "listening-sockets.ipynb");

    /// <summary>The port range the kernel's HTTP API takes when it listens on TCP (`--http-port-range 2048-3000`).</summary>
    private const int HttpPortsFrom = 2048, HttpPortsTo = 3000;

    [LinuxFact]
    public async Task A_kernel_started_by_the_runner_listens_on_no_TCP_port()
    {
        var result = await SharedExecutor.Instance.RunAsync(NotebookReader.Read(Fixture));

        var lines = StdoutLines(result.Executed);
        Assert.True(result.Succeeded && lines.Contains("listed"), string.Join("\n", lines));
        Assert.DoesNotContain(lines, line => line.StartsWith("tcp ", StringComparison.Ordinal));
    }

    [JupyterFact]
    public async Task A_kernel_started_through_the_shipped_kernelspec_listens_on_loopback_only_and_serves_HTTP_on_a_private_unix_socket()
    {
        var output = Path.Combine(Path.GetTempPath(), $"kernel-sockets-{Guid.NewGuid():N}.ipynb");
        var run = await Jupyter.HelperAsync(Fixture, output);
        Assert.True(run.ExitCode == 0, run.All);

        var lines = StdoutLines(NotebookReader.Read(output));
        Assert.Contains("listed", lines);
        var tcp = lines.Where(l => l.StartsWith("tcp ", StringComparison.Ordinal)).Select(l => IPEndPoint.Parse(l[4..])).ToList();
        Assert.NotEmpty(tcp); // Jupyter's shell, iopub, stdin, control and heartbeat channels
        Assert.All(tcp, endpoint => Assert.True(IPAddress.IsLoopback(endpoint.Address), $"listens on {endpoint}"));
        Assert.All(tcp, endpoint => Assert.False(endpoint.Port is >= HttpPortsFrom and <= HttpPortsTo, $"HTTP API on TCP: {endpoint}"));

        // Connecting to a unix socket needs write permission on it: only the kernel's own user has it.
        var api = Assert.Single(lines, l => l.StartsWith("unix ", StringComparison.Ordinal) && l.Contains("/dotnet-interactive-", StringComparison.Ordinal));
        Assert.Contains("UserWrite", api, StringComparison.Ordinal);
        Assert.DoesNotContain("GroupWrite", api, StringComparison.Ordinal);
        Assert.DoesNotContain("OtherWrite", api, StringComparison.Ordinal);
    }

    [JupyterFact]
    public async Task Jupyter_has_the_shipped_kernelspec_installed()
    {
        var installed = await Jupyter.HelperAsync("--argv");
        Assert.True(installed.ExitCode == 0, installed.All);
        Assert.Equal(ShippedArgv(OperatingSystem.IsWindows() ? "windows" : "posix"), JsonNode.Parse(installed.Stdout)!.AsArray().Select(a => (string)a!));
    }

    [Theory]
    [InlineData("posix")]
    [InlineData("windows")]
    public void Both_shipped_kernelspecs_start_the_pinned_local_tool_with_HTTP_on_loopback_only(string platform)
    {
        // The POSIX spec is one `sh -c` script (it names the API's unix socket after its process), Windows' plain argv.
        var argv = ShippedArgv(platform);
        var command = string.Join(' ', argv);
        Assert.Contains("dotnet interactive jupyter --default-kernel csharp", command, StringComparison.Ordinal);
        Assert.Contains("--http-local-only", command, StringComparison.Ordinal);
        Assert.Contains("{connection_file}", argv);
    }

    private static string[] ShippedArgv(string platform)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, "kernelspec", platform, "kernel.json")))!;
        return spec["argv"]!.AsArray().Select(a => (string)a!).ToArray();
    }

    private static List<string> StdoutLines(Notebook executed) =>
        ExecutedNotebook.StdoutOf(executed).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
}

/// <summary>A test that reads /proc: skipped where the operating system is not Linux.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "reads /proc (Linux only)";
        }
    }
}
