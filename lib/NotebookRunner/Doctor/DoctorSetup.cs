namespace NotebookRunner.Doctor;

/// <summary>
/// What <c>doctor</c> looks at: the repository, the PATH the student's tools are found on, the NuGet packages folder and
/// the locale variables. Taken from the process by <see cref="FromProcess"/>; tests hand in fakes (a PATH of scripts,
/// an empty packages folder, a locale) so that each failure can be shown without breaking the machine.
/// </summary>
public sealed record DoctorSetup
{
    /// <summary>The folder holding <c>.config/dotnet-tools.json</c>, <c>notebooks/</c> and <c>lib/</c>.</summary>
    public required string Root { get; init; }

    /// <summary>The PATH on which <c>dotnet</c> and Jupyter's commands are looked for.</summary>
    public required string SearchPath { get; init; }

    /// <summary>Where <c>dotnet tool restore</c> puts the pinned kernel (NUGET_PACKAGES, else ~/.nuget/packages).</summary>
    public required string PackagesFolder { get; init; }

    /// <summary>
    /// ~/.nuget/packages when NUGET_PACKAGES points elsewhere: <c>dotnet tool restore</c> (SDK 10.0.401) finds a tool
    /// already there and reports it restored without copying it to NUGET_PACKAGES, and <c>dotnet tool run</c> starts it
    /// from there.
    /// </summary>
    public string? DefaultPackagesFolder { get; init; }

    /// <summary>LC_ALL, LC_MESSAGES and LANG, as the kernel will see them.</summary>
    public required IReadOnlyDictionary<string, string> Locale { get; init; }

    /// <summary>Whether to start a real kernel (about 5 s); tests of the other checks leave it off.</summary>
    public bool StartKernel { get; init; } = true;

    /// <summary>How long a tool (dotnet --version, jupyter-kernelspec list) may take before it counts as broken.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public string Notebooks => Path.Combine(Root, "notebooks");

    public static DoctorSetup FromProcess(string root)
    {
        string Variable(string name) => Environment.GetEnvironmentVariable(name) ?? "";
        var defaultPackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packages = Variable("NUGET_PACKAGES") is { Length: > 0 } set ? set : defaultPackages;
        return new DoctorSetup
        {
            Root = root,
            SearchPath = Variable("PATH"),
            PackagesFolder = packages,
            DefaultPackagesFolder = packages == defaultPackages ? null : defaultPackages,
            Locale = new[] { "LC_ALL", "LC_MESSAGES", "LANG" }.ToDictionary(n => n, Variable),
        };
    }

    /// <summary>
    /// The repository around <paramref name="start"/> (the current folder), else around this program (dotnet run
    /// --project from elsewhere); null when neither is inside a clone.
    /// </summary>
    public static string? FindRoot(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, ".config", "dotnet-tools.json"))
                    && File.Exists(Path.Combine(folder.FullName, "notebooks", "build-lib.csx")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The full path of <paramref name="name"/> on <see cref="SearchPath"/> (with .exe/.cmd on Windows), or null.</summary>
    public string? Find(string name)
    {
        string[] suffixes = OperatingSystem.IsWindows() ? [".exe", ".cmd", ".bat", ""] : [""];
        return SearchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => suffixes.Select(suffix => Path.Combine(folder, name + suffix)))
            .FirstOrDefault(File.Exists);
    }
}
