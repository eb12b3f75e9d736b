using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Engine.Packages;
using NotebookRunner.Engine.Scripting;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// One Roslyn scripting session: the cells of one notebook, run in order, each continuing the state of the
/// previous ones, as the Polyglot C# kernel does. Not thread-safe: run one cell at a time.
/// </summary>
public sealed class NotebookSession : IDisposable
{
    private readonly InteractiveAssemblyLoader loader = new();
    private readonly List<PackageLoadContext> packageContexts = [];
    private readonly NuGetRestorer restorer;
    private readonly Dictionary<string, PackageRequest> packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> sources = [];
    private readonly ScriptGlobals globals = new();
    private ScriptOptions options;
    private ScriptState<object>? state;

    public NotebookSession(string workingDirectory, NuGetRestorer? restorer = null)
    {
        WorkingDirectory = Path.GetFullPath(workingDirectory);
        this.restorer = restorer ?? new NuGetRestorer();
        options = ScriptEnvironment.CreateOptions(WorkingDirectory);
        ScriptEnvironment.InstallAssemblyResolver();
        ConsoleRouter.Install();
        foreach (var assembly in ScriptEnvironment.SharedAssemblies)
        {
            loader.RegisterDependency(assembly);
        }
    }

    /// <summary>The notebook's folder: relative #r, #load and #i paths are resolved against it.</summary>
    public string WorkingDirectory { get; }

    /// <summary>True after a cell timed out: its code may still be running, so no further cell can be trusted.</summary>
    public bool IsAbandoned { get; private set; }

    public int ExecutionCount { get; private set; }

    public async Task<CellResult> RunCellAsync(string code, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (IsAbandoned)
        {
            throw new InvalidOperationException("A cell of this session timed out; the session cannot run more cells.");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var count = ++ExecutionCount;
        var context = new CellContext { ResolveAssembly = ResolvePackageAssembly };
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopTimer = new CancellationTokenSource();

        // The cell gets its own thread, so a cell that blocks (or loops) cannot stop the runner from timing it out.
        CellContext.Current = context;
        var work = Task.Factory.StartNew(
            () => RunAsync(code, context, cancel.Token),
            cancel.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();
        CellContext.Current = null;

        var timer = Task.Delay(timeout, stopTimer.Token);
        var finished = await Task.WhenAny(work, timer).ConfigureAwait(false);
        await stopTimer.CancelAsync().ConfigureAwait(false);
        if (finished != work)
        {
            // Roslyn cannot abort running code: the session is given up and the cell's thread left behind.
            IsAbandoned = true;
            await cancel.CancelAsync().ConfigureAwait(false);
            var partial = context.Outputs;
            context.Close();
            var message = $"The cell did not finish within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s; the notebook was stopped.";
            return new CellResult(CellStatus.TimedOut, [.. partial, CellOutput.Error("Error", message, [message])], count, started.Elapsed);
        }

        var status = await work.ConfigureAwait(false);
        var outputs = context.Outputs;

        // Work the cell left running in the background may still write; that belongs to no output any more.
        context.Close();
        return new CellResult(status, outputs, count, started.Elapsed);
    }

    private async Task<CellStatus> RunAsync(string code, CellContext context, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            var parsed = DirectiveParser.Parse(code, WorkingDirectory);
            if (parsed.Errors.Count > 0)
            {
                context.Add(CompileError(parsed.Errors));
                return CellStatus.Failed;
            }

            if (!await AddPackagesAsync(parsed, context).ConfigureAwait(false))
            {
                return CellStatus.Failed;
            }

            return await CompileAndRunAsync(parsed.Code, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Add(ExceptionOutput(e));
            return CellStatus.Failed;
        }
    }

    private async Task<CellStatus> CompileAndRunAsync(string code, CellContext context, CancellationToken cancellationToken)
    {
        var script = state is null
            ? CSharpScript.Create(code, options, typeof(ScriptGlobals), loader)
            : state.Script.ContinueWith(code, options);
        var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            context.Add(CompileError(errors.Select(Describe)));
            return CellStatus.Failed;
        }

        // A trailing expression without ';' is the cell's value, and is displayed (void calls are not).
        var hasValue = HasTrailingValue(script.GetCompilation());
        var next = state is null
            ? await script.RunAsync(globals, _ => true, cancellationToken).ConfigureAwait(false)
            : await script.RunFromAsync(state, _ => true, cancellationToken).ConfigureAwait(false);
        state = next;
        if (next.Exception is { } exception)
        {
            context.Add(ExceptionOutput(exception));
            return CellStatus.Failed;
        }

        if (hasValue)
        {
            context.Add(ValueFormatter.Format(next.ReturnValue, []));
        }

        return CellStatus.Ok;
    }

    private static bool HasTrailingValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.LastOrDefault(t => t.FilePath.Length == 0);
        if (tree?.GetRoot() is not CompilationUnitSyntax root
            || root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
        {
            return false;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private async Task<bool> AddPackagesAsync(ParsedCell parsed, CellContext context)
    {
        var added = new List<PackageRequest>();
        foreach (var request in parsed.Packages)
        {
            var loaded = packages.GetValueOrDefault(request.Name) ?? added.FirstOrDefault(a => Same(a, request));
            if (loaded is not null)
            {
                if (!string.Equals(loaded.VersionOrLatest, request.VersionOrLatest, StringComparison.OrdinalIgnoreCase))
                {
                    var message = $"{request.Name} version {request.VersionOrLatest} cannot be added because version {loaded.VersionOrLatest} was added previously.";
                    context.Add(CellOutput.Error("Error", message, [message]));
                    return false;
                }

                continue;
            }

            if (!IsProvidedByRunner(request.Name))
            {
                added.Add(request);
            }
        }

        var newSources = parsed.Sources.Where(s => !sources.Contains(s)).ToList();
        sources.AddRange(newSources);
        if (added.Count == 0)
        {
            return true;
        }

        // Restore the whole set so far, as Polyglot does, so versions are resolved together.
        var all = packages.Values.Concat(added).ToList();
        var result = await restorer.RestoreAsync(all, sources).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            context.Add(CellOutput.Error("Error", result.Error, result.Error.Split('\n')));
            return false;
        }

        // Assemblies the runner already has (the framework, Formatting) are used as loaded: one copy per process.
        // The others are loaded here, up front, and handed to Roslyn's loader so the script binds to these copies.
        var packageContext = packageContexts.Count == 0
            ? PackageLoadContext.ForFirstSet(result.AssemblyPaths)
            : PackageLoadContext.ForLaterSet(result.AssemblyPaths, packageContexts);
        packageContexts.Add(packageContext);
        var references = new List<MetadataReference>();
        foreach (var path in packageContext.Paths)
        {
            references.Add(ScriptEnvironment.Reference(path));
            try
            {
                if (packageContext.Resolve(System.Reflection.AssemblyName.GetAssemblyName(path)) is { } assembly)
                {
                    loader.RegisterDependency(assembly);
                }
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException)
            {
                // Not loadable on this runtime (a reference-only or native image): the compiler may still use it.
            }
        }

        options = options.AddReferences(references);
        foreach (var request in added)
        {
            packages[request.Name] = request;
        }

        context.Add(CellOutput.DisplayData("text/html", InstalledPackagesHtml(added)));
        return true;
    }

    private System.Reflection.Assembly? ResolvePackageAssembly(System.Reflection.AssemblyName name) =>
        packageContexts.Select(c => c.Resolve(name)).FirstOrDefault(a => a is not null);

    private static bool Same(PackageRequest a, PackageRequest b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private static bool IsProvidedByRunner(string packageName) => ScriptEnvironment.IsProvided(packageName);

    private static string InstalledPackagesHtml(IEnumerable<PackageRequest> added)
    {
        var html = new StringBuilder("<div><div><strong>Installed Packages</strong><ul>");
        foreach (var p in added)
        {
            html.Append("<li><span>").Append(System.Net.WebUtility.HtmlEncode($"{p.Name}, {p.VersionOrLatest}")).Append("</span></li>");
        }

        return html.Append("</ul></div></div>").ToString();
    }

    private static string Describe(Diagnostic d)
    {
        var message = d.GetMessage(CultureInfo.InvariantCulture);
        if (!d.Location.IsInSource && d.Location.Kind != LocationKind.ExternalFile)
        {
            return $"error {d.Id}: {message}";
        }

        var span = d.Location.GetMappedLineSpan();
        var file = string.IsNullOrEmpty(span.Path) ? "" : Path.GetFileName(span.Path);
        var at = span.StartLinePosition;
        return $"{file}({at.Line + 1},{at.Character + 1}): error {d.Id}: {message}";
    }

    private static CellOutput CompileError(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        return CellOutput.Error("Error", string.Join("\n", list), list);
    }

    private static CellOutput ExceptionOutput(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        var name = exception.GetType().FullName ?? exception.GetType().Name;
        var trace = new List<string> { $"{name}: {exception.Message}" };

        // Only the notebook's own frames: the runner's are noise to a student.
        trace.AddRange((exception.StackTrace ?? "").Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Contains("Submission#", StringComparison.Ordinal)));
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            trace.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        }

        return CellOutput.Error(name, exception.Message, trace);
    }

    public void Dispose() => loader.Dispose();
}
