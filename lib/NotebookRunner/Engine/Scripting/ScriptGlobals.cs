using Microsoft.AspNetCore.Html;
using NotebookRunner.Engine.Execution;

namespace NotebookRunner.Engine.Scripting;

/// <summary>The members every notebook cell can call unqualified, as in the Polyglot C# kernel.</summary>
#pragma warning disable CA1822, IDE1006 // lower-case names and instance members are what notebook code expects
public class ScriptGlobals
{
    public DisplayedValue display(object? value, params string[] mimeTypes) => Display(value, mimeTypes);

    public IHtmlContent HTML(string content) => new HtmlString(content);

    internal static DisplayedValue Display(object? value, string[] mimeTypes)
    {
        var context = CellContext.Current;
        var index = context?.Add(ValueFormatter.Format(value, mimeTypes)) ?? -1;
        return new DisplayedValue(context, index, mimeTypes);
    }
}
#pragma warning restore CA1822, IDE1006
