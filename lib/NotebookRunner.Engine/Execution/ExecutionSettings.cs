namespace NotebookRunner.Engine.Execution;

/// <summary>How to run a notebook: the per-cell time limit, and whether to go on after a failing cell.</summary>
public sealed record ExecutionSettings(TimeSpan CellTimeout, bool ContinueOnError = false)
{
    public static ExecutionSettings Default { get; } = new(TimeSpan.FromSeconds(120));

    /// <summary>
    /// Variables set in the kernel process after the machine-independent ones, so a test can start the kernel as a
    /// student's machine would (LANG=de_DE.UTF-8); empty for the runner.
    /// </summary>
    public IReadOnlyDictionary<string, string> KernelEnvironment { get; init; } = new Dictionary<string, string>();
}
