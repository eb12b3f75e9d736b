namespace NotebookRunner.Engine.Execution;

/// <summary>One code cell's part in a notebook run: <paramref name="Number"/> counts code cells from 1.</summary>
public sealed record CellRun(int CellIndex, int Number, CellRunStatus Status, TimeSpan Duration, string Message)
{
    public bool IsFailure => Status is CellRunStatus.Failed or CellRunStatus.TimedOut;
}

/// <summary>How one code cell fared: the kernel's verdict, read against the cell's raises-exception tag.</summary>
public enum CellRunStatus
{
    Passed,

    /// <summary>Did not compile, threw, a directive (a NuGet restore) failed, or the kernel process died.</summary>
    Failed,

    /// <summary>Ran past the time limit: cancelled, and its kernel killed when it did not stop.</summary>
    TimedOut,

    /// <summary>Not run because an earlier cell failed (or timed out).</summary>
    Skipped,

    /// <summary>Tagged raises-exception and did fail, as it should.</summary>
    ExpectedError,
}
