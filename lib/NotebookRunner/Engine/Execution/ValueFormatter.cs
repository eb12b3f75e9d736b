using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// Turns a value into display data the way the Polyglot C# kernel does: strings as text/plain, anything else in the
/// MIME types the <see cref="Formatter"/> prefers for its type (text/html unless the notebook registered otherwise).
/// </summary>
public static class ValueFormatter
{
    public static CellOutput Format(object? value, IReadOnlyList<string> mimeTypes)
    {
        IEnumerable<string> types = mimeTypes.Count > 0
            ? mimeTypes
            : value is string
                ? ["text/plain"]
                : Formatter.GetPreferredMimeTypesFor(value?.GetType() ?? typeof(object));
        var data = new Dictionary<string, string>();
        foreach (var mimeType in types.Distinct())
        {
            data[mimeType] = value is string s && mimeType == "text/plain" ? s : value.ToDisplayString(mimeType);
        }

        return CellOutput.DisplayData(data);
    }
}
