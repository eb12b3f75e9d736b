using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Execution;

/// <summary>The error outputs a cell can end with: compile diagnostics, or an exception.</summary>
public static class ErrorOutputs
{
    /// <summary>A diagnostic as Polyglot shows it: "(line,col): error CSxxxx: message", lines counted in the cell.</summary>
    public static string Describe(Diagnostic d)
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

    /// <summary>Compile diagnostics (or malformed directives), one per line.</summary>
    public static CellOutput Compile(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        return CellOutput.Error("Error", string.Join("\n", list), list);
    }

    /// <summary>An exception as its type and message, with the notebook's own stack frames and inner exceptions.</summary>
    public static CellOutput Exception(Exception exception)
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
}
