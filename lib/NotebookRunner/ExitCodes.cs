namespace NotebookRunner;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A cell failed, or --check found drifted outputs.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage, or a notebook that cannot be read.</summary>
    public const int BadInput = 2;
}
