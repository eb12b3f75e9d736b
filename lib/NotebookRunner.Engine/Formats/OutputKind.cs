namespace NotebookRunner.Engine.Formats;

/// <summary>nbformat's output types (the "output_type" of an output).</summary>
public enum OutputKind
{
    /// <summary>display_data: mime type to content.</summary>
    DisplayData,

    /// <summary>execute_result: like display_data, with an execution count (Jupyter writes these; VS Code does not).</summary>
    ExecuteResult,

    /// <summary>stream: text written to stdout or stderr.</summary>
    Stream,

    /// <summary>error: name, value and traceback.</summary>
    Error,

    /// <summary>Any other output_type a file may hold; written back as it was read.</summary>
    Other,
}
