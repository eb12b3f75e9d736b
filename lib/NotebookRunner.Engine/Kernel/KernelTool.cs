using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NotebookRunner.Engine.Kernel;

/// <summary>
/// The .NET Interactive kernel pinned in the repository's tool manifest (<c>.config/dotnet-tools.json</c>): the
/// <c>dotnet-interactive</c> tool that VS Code Polyglot Notebooks and the <c>.net-csharp</c> Jupyter kernel launch.
/// The runner starts exactly that tool, the way the Polyglot extension does
/// (<c>dotnet tool run dotnet-interactive -- [vscode] stdio --working-dir FOLDER</c>).
/// </summary>
public sealed class KernelTool
{
    public const string PackageId = "microsoft.dotnet-interactive";
    private const string ManifestPath = ".config/dotnet-tools.json";
    private static readonly SemaphoreSlim RestoreGate = new(1, 1);

    private KernelTool(string root, string version)
    {
        Root = root;
        Version = version;
    }

    /// <summary>The folder holding <c>.config/dotnet-tools.json</c>; <c>dotnet tool run</c> starts there.</summary>
    public string Root { get; }

    public string Version { get; }

    /// <summary>The dotnet host that started this process when known (dotnet run/test set DOTNET_HOST_PATH), else dotnet on PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string PackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    // Whether the pinned tool's package is in the NuGet packages folder, so that it can be started.
    private bool IsRestored => Directory.Exists(Path.Combine(PackagesFolder, PackageId, Version));

    /// <summary>
    /// Finds the manifest that pins the kernel, looking up from the notebook's folder, then from the current
    /// directory, then from this assembly's folder.
    /// </summary>
    /// <exception cref="InvalidOperationException">No manifest pins microsoft.dotnet-interactive.</exception>
    public static KernelTool Locate(string startFolder)
    {
        string[] starts = [startFolder, Environment.CurrentDirectory, AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                var manifest = Path.Combine(folder.FullName, ManifestPath);
                if (File.Exists(manifest) && PinnedVersion(manifest) is { } version)
                {
                    return new KernelTool(folder.FullName, version);
                }
            }
        }

        throw new InvalidOperationException(
            $"No {ManifestPath} pinning {PackageId} was found above {string.Join(", ", starts.Distinct())}. " +
            "The runner drives the real .NET Interactive kernel; run it from the repository.");
    }

    private static string? PinnedVersion(string manifest)
    {
        try
        {
            var tools = JsonNode.Parse(File.ReadAllText(manifest))?["tools"] as JsonObject;
            return tools?.FirstOrDefault(t => string.Equals(t.Key, PackageId, StringComparison.OrdinalIgnoreCase)).Value?["version"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs <c>dotnet tool restore</c> when the pinned kernel is missing (a fresh machine), telling
    /// <paramref name="log"/> so. Several notebooks may ask at once: one restores, the others wait.
    /// </summary>
    public async Task EnsureRestoredAsync(Action<string>? log, CancellationToken cancellationToken)
    {
        await RestoreGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsRestored)
            {
                return;
            }

            log?.Invoke($"kernel  {PackageId} {Version} is not installed yet: running 'dotnet tool restore' in {Root}");
            var start = new ProcessStartInfo(DotnetHost, ["tool", "restore"])
            {
                WorkingDirectory = Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet tool restore");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'dotnet tool restore' in {Root} failed with exit code {process.ExitCode}:\n{await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
            }
        }
        finally
        {
            RestoreGate.Release();
        }
    }

    /// <summary>
    /// How to start one kernel in <paramref name="workingDirectory"/>, with <paramref name="environment"/> over the
    /// settings below: the tool's own entry point under the dotnet host, as <c>dotnet tool run</c> would start it, but
    /// without that go-between process (a kernel that is the runner's own child can be tied to the runner's life; see
    /// KernelLifetime).
    /// </summary>
    public ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        // "[vscode]" tells the kernel it serves VS Code Polyglot, as the extension's launch arguments do.
        string[] kernelArguments = ["[vscode]", "stdio", "--working-dir", workingDirectory];
        string[] arguments = EntryPoint() is { } dll ? [dll, .. kernelArguments] : ["tool", "run", "dotnet-interactive", "--", .. kernelArguments];
        var start = new ProcessStartInfo(DotnetHost, arguments)
        {
            WorkingDirectory = Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var (name, value) in RuntimeSettings)
        {
            start.Environment.TryAdd(name, value);
        }

        foreach (var (name, value) in MachineIndependentEnvironment.Concat(environment?.Select(v => (v.Key, v.Value)) ?? []))
        {
            start.Environment[name] = value;
        }

        return start;
    }

    // The restored tool's DLL, named by its DotnetToolSettings.xml (tools/TFM/any/); null when not found.
    private string? EntryPoint()
    {
        var tools = new DirectoryInfo(Path.Combine(PackagesFolder, PackageId, Version, "tools"));
        var settings = tools.Exists ? tools.EnumerateFiles("DotnetToolSettings.xml", SearchOption.AllDirectories).FirstOrDefault() : null;
        var entryPoint = settings is null ? null : System.Xml.Linq.XDocument.Load(settings.FullName).Descendants("Command").FirstOrDefault()?.Attribute("EntryPoint")?.Value;
        return entryPoint is null ? null : Path.Combine(settings!.DirectoryName!, entryPoint);
    }

    /// <summary>
    /// The kernel's runtime settings, unless the runner's own environment sets them. A kernel is a short-lived process
    /// that compiles much (Roslyn, every cell): without tiered PGO its methods skip the instrumented tier on their way
    /// to optimised code, and the runner took 0.54–0.93 of the time it took with PGO on (lib/NotebookRunner/README.md, "The runner against
    /// dotnet-repl and Jupyter"). Outputs do not change: PGO steers optimisation, never what code computes.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> RuntimeSettings { get; } = [("DOTNET_TieredPGO", "0")];

    /// <summary>
    /// What the kernel process gets so that outputs do not depend on the machine: the invariant culture
    /// (LANG/LC_ALL C.UTF-8, which .NET maps to CultureInfo.InvariantCulture: 0.5 never prints as 0,5), UTC as the
    /// time zone, and no telemetry banner or first-run text.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> MachineIndependentEnvironment { get; } =
    [
        ("LANG", "C.UTF-8"),
        ("LC_ALL", "C.UTF-8"),
        ("TZ", "UTC"),
        ("DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT", "1"),
        ("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
        ("DOTNET_NOLOGO", "1"),
        ("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1"),
    ];
}
