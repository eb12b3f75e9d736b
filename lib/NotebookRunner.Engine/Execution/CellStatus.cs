namespace NotebookRunner.Engine.Execution;

public enum CellStatus
{
    /// <summary>Ran without error.</summary>
    Ok,

    /// <summary>Did not compile, threw, or a directive (such as a NuGet restore) failed.</summary>
    Failed,

    /// <summary>Ran past the timeout: cancelled, and its kernel killed when it did not stop.</summary>
    TimedOut,

    /// <summary>The kernel process ended while the cell ran.</summary>
    KernelExited,
}
