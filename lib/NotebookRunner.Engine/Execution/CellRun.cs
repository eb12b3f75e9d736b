namespace NotebookRunner.Engine.Execution;

/// <summary>One code cell's part in a notebook run: <paramref name="Number"/> counts code cells from 1.</summary>
public sealed record CellRun(int CellIndex, int Number, CellRunStatus Status, TimeSpan Duration, string Message)
{
    public bool IsFailure => Status is CellRunStatus.Failed or CellRunStatus.TimedOut;

    public bool DidRun => Status is not CellRunStatus.Skipped;
}
