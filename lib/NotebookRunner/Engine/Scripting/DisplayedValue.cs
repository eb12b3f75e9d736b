using NotebookRunner.Engine.Execution;

namespace NotebookRunner.Engine.Scripting;

/// <summary>What <c>display(...)</c> returns: a handle that replaces the displayed value in place.</summary>
public sealed class DisplayedValue
{
    private readonly CellContext? context;
    private readonly int index;
    private readonly string[] mimeTypes;

    internal DisplayedValue(CellContext? context, int index, string[] mimeTypes)
    {
        this.context = context;
        this.index = index;
        this.mimeTypes = mimeTypes;
    }

    public void Update(object? value) => context?.Replace(index, ValueFormatter.Format(value, mimeTypes));
}
