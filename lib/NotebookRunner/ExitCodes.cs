namespace NotebookRunner;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A cell failed, or --check found drifted outputs.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage, or a notebook that cannot be read.</summary>
    public const int BadInput = 2;

    /// <summary>Ctrl-C (128 + SIGINT, as shells report it); every kernel the run started was stopped.</summary>
    public const int Interrupted = 130;
}
