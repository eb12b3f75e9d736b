using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace NotebookRunner.Engine.Packages;

/// <summary>
/// Restores package sets with a throw-away SDK project and <c>dotnet restore</c>, then reads the net10.0 runtime
/// assemblies (transitive ones included) from project.assets.json. Results are cached on disk by package set, so a
/// later run never restores again, and in memory, so parallel notebooks asking for the same set share one restore.
/// </summary>
public sealed class NuGetRestorer(string? cacheRoot = null)
{
    public const string TargetFramework = "net10.0";
    private const string AssemblyListFile = "assemblies.txt";

    private readonly ConcurrentDictionary<string, Lazy<Task<RestoreResult>>> running = new();

    /// <summary>$XDG_CACHE_HOME/backprop-notebooks/nuget, or ~/.cache/backprop-notebooks/nuget.</summary>
    public string CacheRoot { get; } = cacheRoot ?? DefaultCacheRoot();

    /// <summary>How many real restores (dotnet processes) this instance ran.</summary>
    public int RestoreCount => restoreCount;

    private int restoreCount;

    public static string DefaultCacheRoot()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cache, "backprop-notebooks", "nuget");
    }

    public Task<RestoreResult> RestoreAsync(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources)
    {
        var key = Key(packages, sources);
        var lazy = running.GetOrAdd(key, k => new Lazy<Task<RestoreResult>>(() => Task.Run(() => RestoreOnce(k, packages, sources))));
        return lazy.Value;
    }

    private static string Key(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources)
    {
        var text = new StringBuilder(TargetFramework).Append('\n');
        foreach (var p in packages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(p.Name.ToLowerInvariant()).Append('/').Append(p.VersionOrLatest).Append('\n');
        }

        foreach (var s in sources.Order(StringComparer.Ordinal))
        {
            text.Append("source ").Append(s).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
    }

    private async Task<RestoreResult> RestoreOnce(string key, IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources)
    {
        var folder = Path.Combine(CacheRoot, key);
        Directory.CreateDirectory(folder);
        using var fileLock = await AcquireLockAsync(Path.Combine(folder, ".lock"));
        if (ReadCached(folder) is { } cached)
        {
            return new RestoreResult(true, cached, "", true);
        }

        var project = Path.Combine(folder, "restore.csproj");
        await File.WriteAllTextAsync(project, ProjectText(packages, sources));
        Interlocked.Increment(ref restoreCount);
        var (exitCode, output) = await RunDotnetRestoreAsync(project);
        if (exitCode != 0)
        {
            return RestoreResult.Failure(DescribeFailure(packages, output));
        }

        var assets = Path.Combine(folder, "obj", "project.assets.json");
        IReadOnlyList<string> paths;
        try
        {
            paths = ReadRuntimeAssemblies(await File.ReadAllTextAsync(assets));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or NullReferenceException)
        {
            return RestoreResult.Failure($"restore produced no usable project.assets.json: {e.Message}");
        }

        await File.WriteAllLinesAsync(Path.Combine(folder, AssemblyListFile), paths);
        return new RestoreResult(true, paths, "", false);
    }

    private static IReadOnlyList<string>? ReadCached(string folder)
    {
        var list = Path.Combine(folder, AssemblyListFile);
        if (!File.Exists(list))
        {
            return null;
        }

        var paths = File.ReadAllLines(list).Where(l => l.Length > 0).ToList();
        return paths.All(File.Exists) ? paths : null;
    }

    private static async Task<FileStream> AcquireLockAsync(string path)
    {
        // Several runner processes (parallel test runs) may share the cache: one restores, the others wait.
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string ProjectText(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources)
    {
        var text = new StringBuilder();
        text.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        text.AppendLine("  <PropertyGroup>");
        text.AppendLine($"    <TargetFramework>{TargetFramework}</TargetFramework>");
        text.AppendLine("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>");
        text.AppendLine("    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>");
        if (sources.Count > 0)
        {
            text.AppendLine($"    <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>");
        }

        text.AppendLine("  </PropertyGroup>");
        text.AppendLine("  <ItemGroup>");
        foreach (var p in packages)
        {
            text.AppendLine($"    <PackageReference Include=\"{SecurityElement.Escape(p.Name)}\" Version=\"{SecurityElement.Escape(p.VersionOrLatest)}\" />");
        }

        text.AppendLine("  </ItemGroup>");
        text.AppendLine("</Project>");
        return text.ToString();
    }

    private static async Task<(int ExitCode, string Output)> RunDotnetRestoreAsync(string project)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var arg in new[]
                 {
                     "restore", project, "--nologo", "-v", "q",
                     "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false",
                     "-p:ImportDirectoryPackagesProps=false",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        // A runner started by `dotnet run`/`dotnet test` inherits MSBuild's variables, which would confuse the child.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The dotnet host that started this process when there is one, else whatever "dotnet" the PATH finds.</summary>
    private static string DotnetHost()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static string DescribeFailure(IReadOnlyList<PackageRequest> packages, string output)
    {
        var errors = output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            .Select(l =>
            {
                // "path/restore.csproj : error NU1101: Unable to find package X. ... [path/restore.csproj]"
                var at = l.IndexOf("error ", StringComparison.Ordinal);
                var message = at >= 0 ? l[at..] : l;
                var bracket = message.LastIndexOf(" [", StringComparison.Ordinal);
                return bracket > 0 ? message[..bracket] : message;
            })
            .Distinct()
            .ToList();
        var requested = string.Join("; ", packages.Select(p => $"nuget: {p}"));
        return $"could not restore {requested}" + (errors.Count > 0 ? "\n" + string.Join("\n", errors) : "\n" + output.Trim());
    }

    /// <summary>The runtime assemblies of every package in the restore graph (the "_._" placeholders excluded).</summary>
    public static IReadOnlyList<string> ReadRuntimeAssemblies(string assetsJson)
    {
        var assets = JsonNode.Parse(assetsJson)!.AsObject();
        var packageFolder = assets["packageFolders"]!.AsObject().First().Key;
        var libraries = assets["libraries"]!.AsObject();
        var target = assets["targets"]![TargetFramework]!.AsObject();
        var paths = new List<string>();
        foreach (var (id, node) in target)
        {
            if ((string?)node?["type"] != "package" || node["runtime"] is not JsonObject runtime)
            {
                continue;
            }

            var folder = (string)libraries[id]!["path"]!;
            foreach (var (asset, _) in runtime)
            {
                if (asset.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    paths.Add(Path.GetFullPath(Path.Combine(packageFolder, folder, asset)));
                }
            }
        }

        return paths;
    }
}
