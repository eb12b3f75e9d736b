using System.Reflection;
using System.Runtime.Loader;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// Where one session's NuGet assemblies are loaded. Like an application's own dependencies, each simple name has one
/// version per session, whatever version a referencing assembly was built against (Plotly.NET asks for FSharp.Core
/// 5.0.0.0 and gets the newer one the restore chose). Roslyn's own loader insists on exact versions for strong-named
/// assemblies, hence this context. Assemblies the runner shares (framework, Formatting) come from the default context.
/// </summary>
public sealed class PackageLoadContext() : AssemblyLoadContext("notebook packages")
{
    private readonly Dictionary<string, string> pathsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly object gate = new();

    /// <summary>Makes the assemblies loadable by name; returns those newly added (a name already known keeps its first path).</summary>
    public IReadOnlyList<string> AddPaths(IEnumerable<string> paths)
    {
        var added = new List<string>();
        lock (gate)
        {
            foreach (var path in paths)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (!ScriptEnvironment.IsProvided(name) && pathsByName.TryAdd(name, path))
                {
                    added.Add(path);
                }
            }
        }

        return added;
    }

    public Assembly? Resolve(AssemblyName name)
    {
        string? path;
        lock (gate)
        {
            if (name.Name is null || !pathsByName.TryGetValue(name.Name, out path))
            {
                return null;
            }
        }

        var loaded = Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase));
        return loaded ?? LoadFromAssemblyPath(path);
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } simple && ScriptEnvironment.IsProvided(simple) ? null : Resolve(assemblyName);
}
