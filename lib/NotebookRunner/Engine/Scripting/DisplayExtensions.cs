namespace NotebookRunner.Engine.Scripting;

/// <summary><c>value.Display()</c>, as the Polyglot kernel offers it.</summary>
public static class DisplayExtensions
{
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) =>
        ScriptGlobals.Display(value, mimeTypes);
}
