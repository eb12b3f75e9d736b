namespace NotebookRunner.Engine.Formats;

/// <summary>nbformat's output types (an output's "output_type").</summary>
public enum OutputKind
{
    DisplayData,

    /// <summary>Like display_data, with an execution count: Jupyter writes these, VS Code does not.</summary>
    ExecuteResult,

    Stream,

    Error,

    /// <summary>Any other output_type a file may hold; written back as it was read.</summary>
    Other,
}
