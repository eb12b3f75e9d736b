using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// Where NuGet assemblies are loaded. Like an application's own dependencies, each simple name has one version here,
/// whatever version a referencing assembly was built against (Plotly.NET asks for FSharp.Core 5.0.0.0 and gets the
/// newer one the restore chose); Roslyn's own loader insists on exact versions for strong-named assemblies, hence
/// this context. Assemblies the runner shares (framework, Formatting) come from the default context.
/// <para>
/// Notebooks that restore the same package set share one context, so its code is loaded and compiled to machine
/// code once per run rather than once per notebook (the price: package statics are shared too, as the formatter
/// registry already is). Packages a notebook adds later go to a context of its own that falls back to the shared one.
/// </para>
/// </summary>
public sealed class PackageLoadContext : AssemblyLoadContext
{
    private static readonly ConcurrentDictionary<string, PackageLoadContext> Shared = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> pathsByName;
    private readonly IReadOnlyList<PackageLoadContext> parents;

    private PackageLoadContext(IEnumerable<string> paths, IReadOnlyList<PackageLoadContext> parents)
        : base("notebook packages")
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!ScriptEnvironment.IsProvided(name) && !parents.Any(p => p.Knows(name)))
            {
                map.TryAdd(name, path);
            }
        }

        pathsByName = map;
        this.parents = parents;
    }

    /// <summary>The paths this context loads (after leaving out what the runner or a parent already provides).</summary>
    public IEnumerable<string> Paths => pathsByName.Values;

    /// <summary>A session's first package set: the context shared by every session that restored the same assemblies.</summary>
    public static PackageLoadContext ForFirstSet(IReadOnlyList<string> paths) =>
        Shared.GetOrAdd(Key(paths), _ => new PackageLoadContext(paths, []));

    /// <summary>Packages a session adds later: a private context that resolves what it lacks from the earlier ones.</summary>
    public static PackageLoadContext ForLaterSet(IReadOnlyList<string> paths, IReadOnlyList<PackageLoadContext> earlier) =>
        new(paths, earlier);

    public bool Knows(string simpleName) => pathsByName.ContainsKey(simpleName) || parents.Any(p => p.Knows(simpleName));

    public Assembly? Resolve(AssemblyName name)
    {
        if (name.Name is null)
        {
            return null;
        }

        if (pathsByName.TryGetValue(name.Name, out var path))
        {
            lock (pathsByName)
            {
                var loaded = Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase));
                return loaded ?? LoadFromAssemblyPath(path);
            }
        }

        return parents.Select(p => p.Resolve(name)).FirstOrDefault(a => a is not null);
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } simple && ScriptEnvironment.IsProvided(simple) ? null : Resolve(assemblyName);

    private static string Key(IEnumerable<string> paths) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', paths.Order(StringComparer.Ordinal)))));
}
