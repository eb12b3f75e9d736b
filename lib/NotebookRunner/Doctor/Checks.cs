using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Events;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Kernel;

namespace NotebookRunner.Doctor;

/// <summary>
/// The checks of <c>doctor</c>, one method each, every one returning the line a student reads and the command that
/// fixes what it found. None of them changes the machine, except <see cref="Library"/>, which builds the library when
/// its sources are newer than its DLL (what the notebooks' first cell would do anyway).
/// </summary>
public static class Checks
{
    public const string SdkTitle = ".NET SDK";
    public const string ToolTitle = "pinned kernel";
    public const string LibraryTitle = "library";
    public const string KernelTitle = "kernel";
    public const string JupyterTitle = "Jupyter";
    public const string CultureTitle = "UI culture";

    private const string InstallSdk = "install the .NET 10 SDK (https://dotnet.microsoft.com/download, or on Debian/Ubuntu .devcontainer/setup.sh), then open a new terminal";
    private const string KernelspecName = ".net-csharp";

    // The command that installs the kernelspec this repository ships, for this operating system.
    private static string InstallKernelspec =>
        $"jupyter-kernelspec install --user --name {KernelspecName} notebooks/kernelspec/{(OperatingSystem.IsWindows() ? "windows" : "posix")}";

    /// <summary>
    /// <c>dotnet --version</c> in the repository, where global.json asks for a 10.0 SDK: an older SDK alone makes it
    /// fail ("A compatible .NET SDK was not found"), a missing one is not on PATH.
    /// </summary>
    public static async Task<CheckResult> SdkAsync(DoctorSetup setup, CancellationToken cancellationToken = default)
    {
        if (setup.Find("dotnet") is not { } dotnet)
        {
            return CheckResult.Failed(SdkTitle, "dotnet is not on PATH", InstallSdk);
        }

        var run = await ToolRun.RunAsync(setup, dotnet, ["--version"], setup.Root, cancellationToken).ConfigureAwait(false);
        var version = run.Output.Trim();
        if (run.ExitCode != 0)
        {
            return CheckResult.Failed(SdkTitle, $"{dotnet} found no SDK that global.json accepts (10.0): {run.FirstLine}", InstallSdk);
        }

        if (!Version.TryParse(version.Split('-')[0], out var parsed) || parsed.Major < 10)
        {
            return CheckResult.Failed(SdkTitle, $"{version} ({dotnet}); the notebooks need 10.0 or later", InstallSdk);
        }

        return CheckResult.Ok(SdkTitle, $"{version} ({dotnet})");
    }

    /// <summary>
    /// The kernel pinned in <c>.config/dotnet-tools.json</c>: restored into the NuGet packages folder, as VS Code
    /// Polyglot, the <c>.net-csharp</c> Jupyter kernel (<c>dotnet interactive</c>) and the runner all need it.
    /// </summary>
    public static CheckResult PinnedKernel(DoctorSetup setup)
    {
        KernelTool tool;
        try
        {
            tool = KernelTool.Locate(setup.Root);
        }
        catch (InvalidOperationException e)
        {
            return CheckResult.Failed(ToolTitle, e.Message, "run doctor from a clone of the repository");
        }

        var package = Path.Combine(setup.PackagesFolder, KernelTool.PackageId);
        foreach (var folder in new[] { setup.PackagesFolder, setup.DefaultPackagesFolder }.OfType<string>())
        {
            if (Directory.Exists(Path.Combine(folder, KernelTool.PackageId, tool.Version)))
            {
                return CheckResult.Ok(ToolTitle, $"{KernelTool.PackageId} {tool.Version}, restored in {folder}");
            }
        }

        var others = Directory.Exists(package) ? Directory.GetDirectories(package).Select(Path.GetFileName).Order().ToArray() : [];
        var found = others.Length > 0 ? $" (only {string.Join(", ", others)} there)" : "";
        return CheckResult.Failed(
            ToolTitle,
            $"{KernelTool.PackageId} {tool.Version}, pinned in .config/dotnet-tools.json, is not restored in {setup.PackagesFolder}{found}",
            "dotnet tool restore");
    }

    /// <summary>
    /// lib/Backprop.Notebooks up to date (its DLL newer than every source, the rule of notebooks/build-lib.csx), or
    /// built now; a build error is what a student would otherwise meet as the first cell's exception.
    /// </summary>
    public static async Task<CheckResult> LibraryAsync(DoctorSetup setup, CancellationToken cancellationToken = default)
    {
        var lib = Path.Combine(setup.Root, "lib");
        var project = Path.Combine(lib, "Backprop.Notebooks", "Backprop.Notebooks.csproj");
        if (!File.Exists(project))
        {
            return CheckResult.Failed(LibraryTitle, $"{project} is missing", "git checkout -- lib (or clone the repository again)");
        }

        if (LibrarySources.IsUpToDate(lib))
        {
            return CheckResult.Ok(LibraryTitle, "lib/Backprop.Notebooks is built and up to date: the notebooks' first cell has nothing to build");
        }

        if (setup.Find("dotnet") is not { } dotnet)
        {
            return CheckResult.Failed(LibraryTitle, "lib/Backprop.Notebooks needs a build, and dotnet is not on PATH", InstallSdk);
        }

        var clock = Stopwatch.StartNew();
        var run = await ToolRun.RunAsync(setup, dotnet, ["build", project, "-c", "Debug", "-nologo", "-v:q"], setup.Root, cancellationToken).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            var error = run.All.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? run.FirstLine;
            return CheckResult.Failed(LibraryTitle, $"lib/Backprop.Notebooks does not build: {error}", "dotnet build lib/Backprop.Notebooks, then fix the first error it names");
        }

        return CheckResult.Ok(LibraryTitle, $"lib/Backprop.Notebooks was out of date and is built now ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>
    /// A real kernel, started the way VS Code Polyglot starts it (from notebooks/, by KernelTool), asked for its
    /// working folder: the notebooks load build-lib.csx and ../lib relative to it.
    /// </summary>
    public static async Task<CheckResult> KernelAsync(DoctorSetup setup, bool restored, CancellationToken cancellationToken = default)
    {
        if (!restored)
        {
            return CheckResult.Failed(KernelTitle, "not started: the pinned kernel is not restored", "dotnet tool restore");
        }

        var notebooks = Path.GetFullPath(setup.Notebooks);
        var clock = Stopwatch.StartNew();
        try
        {
            var tool = KernelTool.Locate(notebooks);
            await using var kernel = await KernelProcess.StartAsync(tool.StartInfo(notebooks), TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
            var started = clock.Elapsed;
            var returned = "";
            var status = await kernel.SubmitAsync("System.IO.Directory.GetCurrentDirectory()", "csharp", TimeSpan.FromMinutes(1), e =>
            {
                if (e is ReturnValueProduced value)
                {
                    returned = string.Concat(value.FormattedValues.Where(v => v.MimeType == "text/plain").Select(v => v.Value));
                }
            }, cancellationToken).ConfigureAwait(false);
            var cell = clock.Elapsed - started;
            if (status != CellRunStatus.Passed)
            {
                return CheckResult.Failed(KernelTitle, $"the kernel started but its first cell {status}: {kernel.ExitDescription()}", "dotnet tool restore, then run doctor again");
            }

            if (!string.Equals(Path.TrimEndingDirectorySeparator(returned.Trim()), notebooks, StringComparison.Ordinal))
            {
                return CheckResult.Failed(KernelTitle, $"the kernel runs in {returned.Trim()}, not in {notebooks}", "open the repository's folder (not a copy of one notebook) in VS Code or Jupyter");
            }

            return CheckResult.Ok(KernelTitle, $"started from notebooks/ and ran a cell in {clock.Elapsed.TotalSeconds:0.0} s (start {started.TotalSeconds:0.0} s, cell {cell.TotalSeconds:0.00} s)");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            return CheckResult.Failed(KernelTitle, $"did not start: {e.Message.Split('\n')[0]}", "dotnet tool restore, then run doctor again");
        }
    }

    /// <summary>
    /// Jupyter's <c>kernelspec list --json</c>, and what its <c>.net-csharp</c> kernel runs: the kernelspec this
    /// repository ships (the HTTP API on a unix socket, or 127.0.0.1 on Windows), or the one
    /// <c>dotnet interactive jupyter install</c> writes, whose HTTP API answers on every network interface.
    /// </summary>
    public static async Task<IReadOnlyList<CheckResult>> JupyterAsync(DoctorSetup setup, CancellationToken cancellationToken = default)
    {
        var (tool, arguments) = setup.Find("jupyter-kernelspec") is { } kernelspec
            ? (kernelspec, new[] { "list", "--json" })
            : setup.Find("jupyter") is { } jupyter ? (jupyter, new[] { "kernelspec", "list", "--json" }) : (null, []);
        if (tool is null)
        {
            return [CheckResult.Note(JupyterTitle, "not found; VS Code Polyglot Notebooks and the runner do without it, Jupyter and VS Code's Jupyter extension need it",
                "sudo apt-get install -y jupyter-client python3-nbclient jupyter-notebook (Debian/Ubuntu; elsewhere pip install jupyterlab), then " + InstallKernelspec)];
        }

        var run = await ToolRun.RunAsync(setup, tool, arguments, setup.Root, cancellationToken).ConfigureAwait(false);
        JsonObject? specs = null;
        try
        {
            specs = run.ExitCode == 0 ? JsonNode.Parse(run.Output)?["kernelspecs"] as JsonObject : null;
        }
        catch (JsonException)
        {
        }

        if (specs is null)
        {
            return [CheckResult.Failed(JupyterTitle, $"{tool} {string.Join(' ', arguments)} failed: {run.FirstLine}", "reinstall Jupyter: sudo apt-get install --reinstall -y jupyter-client")];
        }

        var results = new List<CheckResult>();
        if (specs[KernelspecName] is not JsonObject ours)
        {
            results.Add(CheckResult.Failed(JupyterTitle, $"{tool} is there, but no {KernelspecName} kernel is installed: the notebooks cannot start in Jupyter", InstallKernelspec));
        }
        else
        {
            results.Add(Classify(ours));
        }

        // The other kernels `dotnet interactive jupyter install` writes open the same network API; the notebooks do not use them.
        var exposed = specs.Where(s => s.Key is ".net-fsharp" or ".net-powershell" && s.Value is JsonObject spec && Exposure(spec) == KernelspecExposure.Network)
            .Select(s => s.Key).ToArray();
        if (exposed.Length > 0)
        {
            results.Add(CheckResult.Note(JupyterTitle,
                $"{string.Join(" and ", exposed)} (from dotnet interactive jupyter install) open the kernel's HTTP API on every network interface; the notebooks do not use them",
                $"jupyter-kernelspec remove -y {string.Join(' ', exposed)}"));
        }

        return results;
    }

    private static CheckResult Classify(JsonObject spec)
    {
        var folder = spec["resource_dir"]?.GetValue<string>() ?? "?";
        return Exposure(spec) switch
        {
            KernelspecExposure.UnixSocket => CheckResult.Ok(JupyterTitle,
                $"{KernelspecName} is ours (notebooks/kernelspec/posix): the kernel's HTTP API on a unix socket only you can reach ({folder})"),
            KernelspecExposure.Loopback when OperatingSystem.IsWindows() => CheckResult.Ok(JupyterTitle,
                $"{KernelspecName} is ours (notebooks/kernelspec/windows): the kernel's HTTP API on 127.0.0.1 only ({folder})"),
            KernelspecExposure.Loopback => CheckResult.Note(JupyterTitle,
                $"{KernelspecName} is the Windows one (notebooks/kernelspec/windows): the kernel's HTTP API on 127.0.0.1, which every local user reaches ({folder})",
                InstallKernelspec),
            _ => CheckResult.Failed(JupyterTitle,
                $"{KernelspecName} is the one `dotnet interactive jupyter install` writes: the kernel's HTTP API answers on every network interface, without authentication, so others can run code in your kernel ({folder}; notebooks/README.md, Security)",
                $"{InstallKernelspec} (it replaces that one), and do not run dotnet interactive jupyter install again"),
        };
    }

    public enum KernelspecExposure
    {
        /// <summary>notebooks/kernelspec/posix: Kestrel's endpoint moved to a unix socket.</summary>
        UnixSocket,

        /// <summary>--http-local-only: 127.0.0.1 (notebooks/kernelspec/windows).</summary>
        Loopback,

        /// <summary>dotnet interactive jupyter install: every interface.</summary>
        Network,
    }

    /// <summary>Where a kernelspec's kernel opens its HTTP API, read from its argv (spec.argv, or argv of kernel.json itself).</summary>
    public static KernelspecExposure Exposure(JsonObject spec)
    {
        var argv = ((spec["spec"] as JsonObject)?["argv"] ?? spec["argv"]) as JsonArray;
        var command = string.Join(' ', argv?.Select(a => a?.GetValue<string>()) ?? []);
        return command.Contains("Kestrel__Endpoints__Api__Url", StringComparison.Ordinal) && command.Contains("http://unix:", StringComparison.Ordinal)
            ? KernelspecExposure.UnixSocket
            : command.Contains("--http-local-only", StringComparison.Ordinal) ? KernelspecExposure.Loopback : KernelspecExposure.Network;
    }

    /// <summary>
    /// The UI culture the kernel will have (from LC_ALL, LC_MESSAGES, LANG, as .NET on Linux and macOS reads them) and
    /// the language of the library's messages under it: Korean, Japanese, else English (its .resx).
    /// </summary>
    public static CheckResult Culture(DoctorSetup setup)
    {
        var (variable, value) = new[] { "LC_ALL", "LC_MESSAGES", "LANG" }
            .Select(n => (n, setup.Locale.GetValueOrDefault(n) ?? ""))
            .FirstOrDefault(p => p.Item2.Length > 0);
        var culture = value is null or "" or "C" or "POSIX" || value.StartsWith("C.", StringComparison.Ordinal)
            ? ""
            : value.Split('.', '@')[0].Replace('_', '-');
        var language = culture.Split('-')[0].ToLowerInvariant() switch
        {
            "ko" => "Korean",
            "ja" => "Japanese",
            _ => "English",
        };
        var source = variable is null
            ? OperatingSystem.IsWindows() ? "Windows' display language" : "no LC_ALL, LC_MESSAGES or LANG set"
            : $"{variable}={value}";
        var name = culture.Length > 0 ? culture : variable is null && OperatingSystem.IsWindows() ? "the system's" : "invariant";
        return CheckResult.Ok(CultureTitle,
            $"{name} ({source}): the library's messages in notebooks of your own will be in {language}; each chapter notebook picks its edition's language itself (Notebook.Setup(language: …))");
    }
}
