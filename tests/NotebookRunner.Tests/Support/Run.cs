using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Tests.Support;

/// <summary>Runs a fixture notebook in-process through the engine.</summary>
public static class Run
{
    public static Task<NotebookRunResult> FixtureAsync(string relative, ExecutionSettings? settings = null) =>
        new NotebookExecutor(settings ?? ExecutionSettings.Default).RunAsync(NotebookReader.Read(Fixtures.PathOf(relative)));

    /// <summary>The outputs of the n-th code cell (1-based), read back from the executed notebook.</summary>
    public static IReadOnlyList<CellOutput> Outputs(this NotebookRunResult result, int codeCell) =>
        result.Executed.Cells.Where(c => c.IsCode).ElementAt(codeCell - 1).Outputs;

    public static CellRunStatus Status(this NotebookRunResult result, int codeCell) => result.Cells[codeCell - 1].Status;
}
