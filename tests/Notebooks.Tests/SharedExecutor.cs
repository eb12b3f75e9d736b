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
        public Task<NotebookRunResult> RunAsync(NotebookRunner.Engine.Formats.Notebook notebook) => RunAsync(notebook, Executor);

        /// <summary>The same with other settings: a kernel started in a student's locale, say.</summary>
        public Task<NotebookRunResult> RunAsync(NotebookRunner.Engine.Formats.Notebook notebook, ExecutionSettings settings) =>
            RunAsync(notebook, new NotebookExecutor(settings));

        private static async Task<NotebookRunResult> RunAsync(NotebookRunner.Engine.Formats.Notebook notebook, NotebookExecutor executor)
        {
            await Kernels.WaitAsync();
            try
            {
                return await executor.RunAsync(notebook);
            }
            finally
            {
                Kernels.Release();
            }
        }
    }
}
