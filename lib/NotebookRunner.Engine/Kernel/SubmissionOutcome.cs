namespace NotebookRunner.Engine.Kernel;

/// <summary>How one submitted cell ended, as the kernel (or its absence) told it.</summary>
public enum SubmissionOutcome
{
    /// <summary>CommandSucceeded for the cell's own token.</summary>
    Succeeded,

    /// <summary>CommandFailed for the cell's own token: a compile error or an exception.</summary>
    Failed,

    /// <summary>Past its time limit; cancelled, and the process killed if it did not stop.</summary>
    TimedOut,

    /// <summary>The kernel process ended while the cell ran (Environment.Exit, a stack overflow, a kill).</summary>
    KernelExited,
}
