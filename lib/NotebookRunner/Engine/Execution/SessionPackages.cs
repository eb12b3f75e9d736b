using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Engine.Packages;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// The NuGet packages of one notebook session: <c>#r "nuget: ..."</c> and <c>#i "nuget: ..."</c> as the Polyglot
/// kernel handles them (one version per package, the whole set restored together), loaded so that the script,
/// and DLLs it references, bind to one copy of each.
/// </summary>
internal sealed class SessionPackages(NuGetRestorer restorer, InteractiveAssemblyLoader loader)
{
    private readonly Dictionary<string, PackageRequest> packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> sources = [];
    private readonly List<PackageLoadContext> contexts = [];

    /// <summary>Restores what the cell asks for; returns the new references, or null after adding an error output.</summary>
    public async Task<IReadOnlyList<MetadataReference>?> AddAsync(ParsedCell parsed, CellContext context)
    {
        var added = new List<PackageRequest>();
        foreach (var request in parsed.Packages)
        {
            var loaded = packages.GetValueOrDefault(request.Name)
                         ?? added.FirstOrDefault(a => string.Equals(a.Name, request.Name, StringComparison.OrdinalIgnoreCase));
            if (loaded is null)
            {
                // Packages the runner itself provides (Formatting) are not restored: the runner's copy is the one.
                if (!ScriptEnvironment.IsProvided(request.Name))
                {
                    added.Add(request);
                }
            }
            else if (!string.Equals(loaded.VersionOrLatest, request.VersionOrLatest, StringComparison.OrdinalIgnoreCase))
            {
                var message = $"{request.Name} version {request.VersionOrLatest} cannot be added because version {loaded.VersionOrLatest} was added previously.";
                context.Add(CellOutput.Error("Error", message, [message]));
                return null;
            }
        }

        sources.AddRange(parsed.Sources.Where(s => !sources.Contains(s)).ToList());
        if (added.Count == 0)
        {
            return [];
        }

        // Restore the whole set so far, as Polyglot does, so versions are resolved together.
        var result = await restorer.RestoreAsync([.. packages.Values, .. added], sources).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            context.Add(CellOutput.Error("Error", result.Error, result.Error.Split('\n')));
            return null;
        }

        foreach (var request in added)
        {
            packages[request.Name] = request;
        }

        context.Add(CellOutput.DisplayData("text/html", InstalledPackagesHtml(added)));
        return Load(result.AssemblyPaths);
    }

    /// <summary>A package assembly by name, for code (such as a #r'd DLL) the default context could not serve.</summary>
    public Assembly? Resolve(AssemblyName name) => contexts.Select(c => c.Resolve(name)).FirstOrDefault(a => a is not null);

    /// <summary>
    /// Loads the restored assemblies up front and hands them to Roslyn's loader, so the script binds to these copies.
    /// Assemblies the runner already has (the framework, Formatting) are left out: one copy per process.
    /// </summary>
    private List<MetadataReference> Load(IReadOnlyList<string> paths)
    {
        var packageContext = contexts.Count == 0
            ? PackageLoadContext.ForFirstSet(paths)
            : PackageLoadContext.ForLaterSet(paths, contexts);
        contexts.Add(packageContext);
        var references = new List<MetadataReference>();
        foreach (var path in packageContext.Paths)
        {
            references.Add(ScriptEnvironment.Reference(path));
            try
            {
                if (packageContext.Resolve(AssemblyName.GetAssemblyName(path)) is { } assembly)
                {
                    loader.RegisterDependency(assembly);
                }
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException)
            {
                // Not loadable on this runtime (a reference-only or native image): the compiler may still use it.
            }
        }

        return references;
    }

    /// <summary>The summary the Polyglot kernel shows after a restore.</summary>
    private static string InstalledPackagesHtml(IEnumerable<PackageRequest> added)
    {
        var html = new StringBuilder("<div><div><strong>Installed Packages</strong><ul>");
        foreach (var p in added)
        {
            html.Append("<li><span>").Append(System.Net.WebUtility.HtmlEncode($"{p.Name}, {p.VersionOrLatest}")).Append("</span></li>");
        }

        return html.Append("</ul></div></div>").ToString();
    }
}
