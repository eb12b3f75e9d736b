namespace NotebookRunner.Doctor;

/// <summary>How a check came out.</summary>
public enum CheckMark
{
    /// <summary>✓: as a student's Run All needs it.</summary>
    Ok,

    /// <summary>!: worth knowing, but Run All works (Jupyter absent while VS Code Polyglot and the runner do without it).</summary>
    Note,

    /// <summary>✗: Run All will fail (or the set-up is unsafe) until the fix is typed.</summary>
    Failed,
}

/// <summary>One line of <c>doctor</c>'s report: the mark, what was found, and the command that fixes it.</summary>
public sealed record CheckResult(CheckMark Mark, string Title, string Finding, string? Fix = null)
{
    public static CheckResult Ok(string title, string finding) => new(CheckMark.Ok, title, finding);

    public static CheckResult Note(string title, string finding, string? fix = null) => new(CheckMark.Note, title, finding, fix);

    public static CheckResult Failed(string title, string finding, string fix) => new(CheckMark.Failed, title, finding, fix);

    public string Symbol => Mark switch { CheckMark.Ok => "✓", CheckMark.Note => "!", _ => "✗" };

    /// <summary>The report's line: <c>✗ title: finding → fix</c>.</summary>
    public override string ToString() => $"{Symbol} {Title}: {Finding}{(Fix is null ? "" : $" → {Fix}")}";
}
