using System.Reflection;
using System.Runtime.Loader;

namespace Backprop.Notebooks;

/// <summary>
/// Lets Plotly.NET 6.0.0 run in the .NET Interactive kernel. Plotly.NET is built against FSharp.Core 10.1, while
/// every published kernel (dotnet-interactive 1.0.712001 included) has its own FSharp.Core 10.0 loaded. .NET never
/// hands a lower version to a reference for a higher one, so the first chart fails with "Could not load file or
/// assembly 'FSharp.Core, Version=10.1.0.0'". The default load context asks its Resolving handlers when it cannot
/// bind a reference; this one answers a request for FSharp.Core with the copy the process already has. Plotly.NET
/// uses nothing of 10.1 that 10.0 lacks for the charts drawn here, which is why the answer is safe.
/// </summary>
internal static class FSharpCoreRedirect
{
    private static int installed;

    /// <summary>Adds the handler once; must run before any Plotly.NET type is touched.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
            : null;
}
