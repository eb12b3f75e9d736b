using System.Globalization;
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
    private readonly SessionPackages packages;
    private readonly ScriptGlobals globals = new();
    private ScriptOptions options;
    private ScriptState<object>? state;

    public NotebookSession(string workingDirectory, NuGetRestorer? restorer = null)
    {
        WorkingDirectory = Path.GetFullPath(workingDirectory);
        packages = new SessionPackages(restorer ?? new NuGetRestorer(), loader);
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
        var context = new CellContext { ResolveAssembly = packages.Resolve };
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
                context.Add(ErrorOutputs.Compile(parsed.Errors));
                return CellStatus.Failed;
            }

            var references = await packages.AddAsync(parsed, context).ConfigureAwait(false);
            if (references is null)
            {
                return CellStatus.Failed;
            }

            options = options.AddReferences(references);

            return await CompileAndRunAsync(parsed.Code, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Add(ErrorOutputs.Exception(e));
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
            context.Add(ErrorOutputs.Compile(errors.Select(ErrorOutputs.Describe)));
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
            context.Add(ErrorOutputs.Exception(exception));
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

        // Only a call (possibly awaited or null-conditional) can be void; binding it is the costly part, so other
        // expressions (literals, names, arithmetic) skip the semantic model.
        var expression = statement.Expression;
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        if (expression is not (InvocationExpressionSyntax or AwaitExpressionSyntax or ConditionalAccessExpressionSyntax))
        {
            return true;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    public void Dispose() => loader.Dispose();
}
