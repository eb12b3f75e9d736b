using System.Text;
using Microsoft.DotNet.Interactive.Events;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Kernel;

/// <summary>
/// Turns one cell's kernel events into the outputs VS Code Polyglot saves in an .ipynb (the extension's
/// interactiveClient.ts maps events to outputs; VS Code's ipynb serializer writes them):
/// <list type="bullet">
/// <item>StandardOutputValueProduced / StandardErrorValueProduced: a <c>stream</c> (stdout / stderr); consecutive
/// writes to one stream are one output, as nbformat stores them.</item>
/// <item>DisplayedValueProduced and ReturnValueProduced: <c>display_data</c> with every formatted value the kernel
/// sent (VS Code writes every non-stream output of a .NET kernel as display_data).</item>
/// <item>DisplayedValueUpdated: replaces the output of the same value id in place, so a display that is updated
/// (the package-install progress) is stored once, in its final state.</item>
/// <item>CommandFailed and ErrorProduced: an <c>error</c> named "Error" with the kernel's message as its value
/// and, as VS Code stores a .NET error with no stack, the message's lines as its traceback.</item>
/// </list>
/// </summary>
public sealed class CellOutputCollector
{
    private readonly List<CellOutput> outputs = [];
    private readonly Dictionary<string, int> byValueId = new(StringComparer.Ordinal);

    // The stream being written, the last output: its text grows write by write and becomes a CellOutput once (a cell
    // that prints 20,000 lines sends 20,000 events; rebuilding the output's JSON lines at each took the runner minutes).
    private (string Name, StringBuilder Text)? openStream;

    public IReadOnlyList<CellOutput> Outputs => openStream is var (name, text) ? [.. outputs, CellOutput.Stream(name, text.ToString())] : outputs;

    /// <summary>The cell's error messages (compile diagnostics, exception, restore failure), "" when it had none.</summary>
    public string ErrorText => string.Join("\n", outputs.Where(o => o.IsError).Select(o => o.ErrorValue));

    public void Add(KernelEvent e)
    {
        switch (e)
        {
            case StandardOutputValueProduced or StandardErrorValueProduced:
                AddStream(e is StandardOutputValueProduced ? "stdout" : "stderr", (DisplayEvent)e);
                break;
            case ErrorProduced error:
                AddError(error.Message);
                break;
            case DisplayEvent display:
                AddDisplay(display, replace: display is DisplayedValueUpdated);
                break;
            case CommandFailed failed:
                AddError(failed.Message);
                break;
        }
    }

    /// <summary>A failure that did not come from the kernel (a timeout, the process gone).</summary>
    public void AddError(string message)
    {
        CloseStream();
        outputs.Add(CellOutput.Error("Error", message, message.Split('\n')));
    }

    private void AddStream(string name, DisplayEvent e)
    {
        var text = string.Concat(e.FormattedValues.Where(v => v.MimeType == "text/plain").Select(v => v.Value));
        if (openStream is not { } open || open.Name != name)
        {
            CloseStream();
            openStream = open = (name, new StringBuilder());
        }

        open.Text.Append(text);
    }

    // Any other output ends the stream before it: a later write to it starts a new output, as nbformat stores them.
    private void CloseStream()
    {
        if (openStream is var (name, text))
        {
            outputs.Add(CellOutput.Stream(name, text.ToString()));
            openStream = null;
        }
    }

    private void AddDisplay(DisplayEvent e, bool replace)
    {
        var data = e.FormattedValues
            .Where(v => !v.SuppressDisplay)
            .GroupBy(v => v.MimeType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        if (data.Count == 0)
        {
            return;
        }

        var output = CellOutput.DisplayData(data);
        if (replace && e.ValueId is { Length: > 0 } updated && byValueId.TryGetValue(updated, out var index))
        {
            // In place, earlier in the cell: a stream being written goes on.
            outputs[index] = output;
            return;
        }

        CloseStream();
        if (e.ValueId is { Length: > 0 } id)
        {
            byValueId[id] = outputs.Count;
        }

        outputs.Add(output);
    }
}
