using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Engine.Scripting;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// What every notebook session shares: the default usings and references of the Polyglot C# kernel, cached
/// metadata references, and one compiler warm-up per process.
/// </summary>
public static class ScriptEnvironment
{
    public static readonly ImmutableArray<string> DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks",
        "System.Linq", "Microsoft.DotNet.Interactive.Formatting", "NotebookRunner.Engine.Scripting",
    ];

    private static readonly ConcurrentDictionary<string, MetadataReference> ReferencesByPath = new(StringComparer.Ordinal);
    private static readonly Lazy<ImmutableArray<MetadataReference>> BaseReferences = new(CreateBaseReferences);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Platform = new(ReadTrustedPlatformAssemblies);
    private static readonly Lazy<Task> WarmUp = new(() => Task.Run(WarmUpCompiler));

    /// <summary>
    /// Assemblies the runner itself has loaded and shares with every script, so that (for example)
    /// <c>Formatter.Register</c> in a notebook changes the very formatter the runner displays with.
    /// </summary>
    public static IReadOnlyList<Assembly> SharedAssemblies { get; } =
    [
        typeof(Formatter).Assembly, typeof(IHtmlContent).Assembly, typeof(ScriptGlobals).Assembly,
    ];

    /// <summary>
    /// True for assemblies a script gets from the runner rather than from a package: the shared framework and the
    /// <see cref="SharedAssemblies"/>. A package's copy of one of these is not loaded (one copy per process).
    /// </summary>
    public static bool IsProvided(string simpleName) =>
        SharedAssemblies.Any(a => string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase))
        || (Platform.Value.TryGetValue(simpleName, out var path) && Path.GetDirectoryName(path) == FrameworkFolder);

    private static string FrameworkFolder => Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    /// <summary>
    /// Installs (once) the fallback that lets a DLL referenced with #r find the packages its notebook restored:
    /// such a DLL's dependencies end up in the default context, which asks the running cell.
    /// </summary>
    public static void InstallAssemblyResolver()
    {
        lock (ResolverGate)
        {
            if (resolverInstalled)
            {
                return;
            }

            System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (_, name) => CellContext.Current?.ResolveAssembly?.Invoke(name);
            resolverInstalled = true;
        }
    }

    private static readonly object ResolverGate = new();
    private static bool resolverInstalled;

    public static ScriptOptions CreateOptions(string baseDirectory) =>
        ScriptOptions.Default
            .WithReferences(BaseReferences.Value)
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, baseDirectory))
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(false)
            .WithOptimizationLevel(OptimizationLevel.Debug);

    public static MetadataReference Reference(string path) =>
        ReferencesByPath.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));

    /// <summary>Starts (once per process) compiling a trivial script in the background, so the first real cell is fast.</summary>
    public static Task WarmUpAsync() => WarmUp.Value;

    private static async Task WarmUpCompiler()
    {
        var options = CreateOptions(AppContext.BaseDirectory);
        var script = CSharpScript.Create("var warm = new List<int> { 1 }.Select(x => x + 1).Sum();", options, typeof(ScriptGlobals));
        await script.ContinueWith("warm.ToString()").RunAsync(new ScriptGlobals());
        _ = Formatter.GetPreferredMimeTypesFor(typeof(int));
        _ = 1.ToDisplayString("text/html");
    }

    private static ImmutableArray<MetadataReference> CreateBaseReferences()
    {
        // The whole shared framework, as the Polyglot kernel offers it, plus the shared runner assemblies.
        var paths = Platform.Value.Values
            .Where(p => Path.GetDirectoryName(p) == FrameworkFolder)
            .Where(p => IsReferenceable(Path.GetFileNameWithoutExtension(p)))
            .Concat(SharedAssemblies.Select(a => a.Location))
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(Reference)];
    }

    private static bool IsReferenceable(string name) =>
        name is "netstandard" or "mscorlib" or "Microsoft.CSharp" or "Microsoft.VisualBasic" or "Microsoft.Win32.Primitives"
        || (name.StartsWith("System", StringComparison.Ordinal) && !name.StartsWith("System.Private", StringComparison.Ordinal));

    private static IReadOnlyDictionary<string, string> ReadTrustedPlatformAssemblies()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                result.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        return result;
    }

    /// <summary>Makes every thread the runner starts format numbers the same way, whatever the machine's locale.</summary>
    public static void UseInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
