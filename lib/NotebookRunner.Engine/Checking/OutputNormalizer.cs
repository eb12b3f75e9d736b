using System.Text.RegularExpressions;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Checking;

/// <summary>
/// Turns outputs into comparable lines, with run-dependent values replaced by placeholders: Plotly's random div ids,
/// GUIDs, the kernel's 32-digit element ids (mermaid), timings, Roslyn's submission numbers and the line numbers of
/// library frames in a stack trace differ between runs (or edits elsewhere) without the notebook having changed.
/// </summary>
public static partial class OutputNormalizer
{
    [GeneratedRegex("plotly-[0-9a-f]{8,}")]
    private static partial Regex PlotlyId();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b\d+(\.\d+)?\s?(ms|µs|ns)\b")]
    private static partial Regex ShortDuration();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}:\d{2}\.\d+\b")]
    private static partial Regex TimeSpanText();

    [GeneratedRegex(@"Submission#\d+")]
    private static partial Regex Submission();

    [GeneratedRegex(@"\b[0-9a-f]{32}\b")]
    private static partial Regex HexId();

    [GeneratedRegex(@":line \d+")]
    private static partial Regex StackLine();

    public static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = PlotlyId().Replace(text, "plotly-ID");
        text = Guid().Replace(text, "GUID");
        text = ShortDuration().Replace(text, "DURATION");
        text = TimeSpanText().Replace(text, "TIMESPAN");
        text = HexId().Replace(text, "HEXID");
        text = StackLine().Replace(text, ":line N");
        return Submission().Replace(text, "Submission#N");
    }

    /// <summary>One header line per output (and per MIME type), then its normalised text lines.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<CellOutput> outputs)
    {
        var lines = new List<string>();
        foreach (var output in outputs)
        {
            switch (output.Kind)
            {
                case OutputKind.Stream:
                    Add(lines, $"[{output.StreamName}]", output.Text);
                    break;
                case OutputKind.Error:
                    Add(lines, $"[error {output.ErrorName}]", output.ErrorValue);
                    break;
                default:
                    foreach (var (mime, content) in output.Data.OrderBy(d => d.Key, StringComparer.Ordinal))
                    {
                        Add(lines, $"[display {mime}]", content);
                    }

                    break;
            }
        }

        return lines;
    }

    private static void Add(List<string> lines, string header, string text)
    {
        lines.Add(header);
        lines.AddRange(Normalize(text).TrimEnd('\n').Split('\n'));
    }
}
