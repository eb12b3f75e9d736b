using NotebookRunner.Engine.Execution;

namespace Notebooks.Tests;

/// <summary>
/// One executor for every notebook run in the tests, with the runner's defaults (120 s per cell, stop at the first
/// failing cell). Each run starts its own .NET Interactive kernel; on two cores more than two at once only queue.
/// </summary>
internal static class SharedExecutor
{
    private static readonly SemaphoreSlim Kernels = new(Math.Max(2, Environment.ProcessorCount));
    private static readonly NotebookExecutor Executor = new(ExecutionSettings.Default);

    public static SharedExecutor.Runner Instance { get; } = new();

    internal sealed class Runner
    {
        public async Task<NotebookRunResult> RunAsync(NotebookRunner.Engine.Formats.Notebook notebook)
        {
            await Kernels.WaitAsync();
            try
            {
                return await Executor.RunAsync(notebook);
            }
            finally
            {
                Kernels.Release();
            }
        }
    }
}
