namespace NotebookRunner.Engine.Execution;

public enum CellStatus
{
    /// <summary>Ran without error.</summary>
    Ok,

    /// <summary>Did not compile, threw, or a directive (such as a NuGet restore) failed.</summary>
    Failed,

    /// <summary>Ran past the timeout; the session was abandoned.</summary>
    TimedOut,
}
