using System.Text.Json.Nodes;
using NotebookRunner.Doctor;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests.Doctor;

/// <summary>
/// A make-believe machine for doctor's checks: a repository skeleton in a temp folder, a PATH holding only the
/// scripts a test writes (a fake dotnet, a fake jupyter-kernelspec), an empty NuGet packages folder, and a locale.
/// </summary>
public sealed class FakeSetup
{
    public const string PinnedVersion = "1.0.712001";

    public FakeSetup()
    {
        Root = Fixtures.TempFolder();
        Bin = Directory.CreateDirectory(Path.Combine(Root, ".fake-bin")).FullName;
        Packages = Directory.CreateDirectory(Path.Combine(Root, ".fake-packages")).FullName;
        Directory.CreateDirectory(Path.Combine(Root, ".config"));
        File.WriteAllText(Path.Combine(Root, ".config", "dotnet-tools.json"),
            $$"""{ "version": 1, "isRoot": true, "tools": { "microsoft.dotnet-interactive": { "version": "{{PinnedVersion}}", "commands": ["dotnet-interactive"] } } }""");
        Directory.CreateDirectory(Path.Combine(Root, "notebooks"));
        File.WriteAllText(Path.Combine(Root, "notebooks", "build-lib.csx"), "// fake\n");
        Directory.CreateDirectory(Path.Combine(Root, "lib", "Backprop.Notebooks"));
        File.WriteAllText(Path.Combine(Root, "lib", "Backprop.Notebooks", "Backprop.Notebooks.csproj"), "<Project />\n");
        Directory.CreateDirectory(Path.Combine(Root, "lib", "Backprop"));
        File.WriteAllText(Path.Combine(Root, "lib", "Backprop", "Layer.cs"), "class Layer {}\n");
    }

    public string Root { get; }

    /// <summary>The only folder on the fake PATH.</summary>
    public string Bin { get; }

    public string Packages { get; }

    public Dictionary<string, string> Locale { get; } = new() { ["LC_ALL"] = "", ["LC_MESSAGES"] = "", ["LANG"] = "C.UTF-8" };

    public DoctorSetup Setup => new()
    {
        Root = Root,
        SearchPath = Bin,
        PackagesFolder = Packages,
        Locale = Locale,
        StartKernel = false,
        ToolTimeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>A script named <paramref name="name"/> on the fake PATH, running <paramref name="body"/> under /bin/sh.</summary>
    public FakeSetup Tool(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return this;
    }

    public FakeSetup Dotnet(string version) => Tool("dotnet", $"[ \"$1\" = --version ] && echo {version}; exit 0");

    public FakeSetup Restored(string version = PinnedVersion)
    {
        Directory.CreateDirectory(Path.Combine(Packages, "microsoft.dotnet-interactive", version, "tools"));
        return this;
    }

    /// <summary>The library's DLL, written after its sources (up to date) or before them (stale).</summary>
    public FakeSetup LibraryBuilt(bool upToDate)
    {
        var dll = LibrarySources.Dll(Path.Combine(Root, "lib"));
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.WriteAllText(dll, "");
        var built = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(dll, built);
        File.SetLastWriteTimeUtc(Path.Combine(Root, "lib", "Backprop.Notebooks", "Backprop.Notebooks.csproj"), built.AddMinutes(-5));
        File.SetLastWriteTimeUtc(Path.Combine(Root, "lib", "Backprop", "Layer.cs"), built.AddMinutes(upToDate ? -5 : 5));
        return this;
    }

    /// <summary>
    /// A kernelspec folder per entry (name, kernel.json text) and a jupyter-kernelspec on PATH whose
    /// <c>list --json</c> lists them, as jupyter_client prints it.
    /// </summary>
    public FakeSetup Jupyter(params (string Name, string KernelJson)[] specs)
    {
        var list = new JsonObject();
        foreach (var (name, kernelJson) in specs)
        {
            var folder = Directory.CreateDirectory(Path.Combine(Root, ".fake-jupyter", "kernels", name)).FullName;
            File.WriteAllText(Path.Combine(folder, "kernel.json"), kernelJson);
            list[name] = new JsonObject { ["resource_dir"] = folder, ["spec"] = JsonNode.Parse(kernelJson) };
        }

        var listing = Path.Combine(Root, ".fake-jupyter", "list.json");
        Directory.CreateDirectory(Path.GetDirectoryName(listing)!);
        File.WriteAllText(listing, new JsonObject { ["kernelspecs"] = list }.ToJsonString() + "\n");
        return Tool("jupyter-kernelspec", $"[ \"$1 $2\" = 'list --json' ] || exit 2\nwhile IFS= read -r line; do printf '%s\\n' \"$line\"; done < '{listing}'");
    }

    /// <summary>The repository this test runs from (for the kernelspecs it ships).</summary>
    public static string Repository => DoctorSetup.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests run inside the repository");

    public static string Shipped(string kernelspec) => File.ReadAllText(Path.Combine(Repository, "notebooks", "kernelspec", kernelspec, "kernel.json"));

    /// <summary>kernel.json as `dotnet interactive jupyter install` (1.0.712001) writes it: no --http-local-only.</summary>
    public const string NetworkKernelspec = """
        {
          "argv": ["dotnet", "interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000"],
          "display_name": ".NET (C#)",
          "language": "C#"
        }
        """;
}
