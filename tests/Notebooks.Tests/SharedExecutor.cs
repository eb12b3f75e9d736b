using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Packages;

namespace Notebooks.Tests;

/// <summary>
/// One executor for every notebook run in the tests, as the runner's command line has: the notebooks'
/// common package set is restored (or read from the cache) once, and the runner's defaults apply
/// (120 s per cell, stop at the first failing cell). Runs may go in parallel; the runner's do too.
/// </summary>
internal static class SharedExecutor
{
    public static NotebookExecutor Instance { get; } = new(ExecutionSettings.Default, new NuGetRestorer());
}
