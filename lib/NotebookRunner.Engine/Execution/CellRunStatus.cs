namespace NotebookRunner.Engine.Execution;

/// <summary>How one code cell fared within a notebook run.</summary>
public enum CellRunStatus
{
    Passed,
    Failed,
    TimedOut,

    /// <summary>Not run because an earlier cell failed (or timed out).</summary>
    Skipped,

    /// <summary>Tagged raises-exception and did fail, as it should.</summary>
    ExpectedError,
}
