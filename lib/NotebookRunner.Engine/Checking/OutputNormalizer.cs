using System.Text.RegularExpressions;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Checking;

/// <summary>
/// Turns outputs into comparable lines, with run-dependent values replaced by placeholders: Plotly's random div ids,
/// GUIDs, the kernel's 32-digit element ids (mermaid), timings, Roslyn's submission numbers and the line numbers of
/// library frames in a stack trace differ between runs (or edits elsewhere) without the notebook having changed.
/// </summary>
public static class OutputNormalizer
{
    // In this order: a Plotly id or a GUID holds digits a timing or a hex id would otherwise take.
    private static readonly (Regex Pattern, string Placeholder)[] RunDependent =
    [
        (new(@"\r\n"), "\n"),
        (new("plotly-[0-9a-f]{8,}"), "plotly-ID"),
        (new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"), "GUID"),
        (new(@"\b\d+(\.\d+)?\s?(ms|µs|ns)\b"), "DURATION"),
        (new(@"\b\d{1,2}:\d{2}:\d{2}\.\d+\b"), "TIMESPAN"),
        (new(@"\b[0-9a-f]{32}\b"), "HEXID"),
        (new(@":line \d+"), ":line N"),
        (new(@"Submission#\d+"), "Submission#N"),
    ];

    public static string Normalize(string text) =>
        RunDependent.Aggregate(text, (normalized, rule) => rule.Pattern.Replace(normalized, rule.Placeholder));

    /// <summary>One header line per output (and per MIME type), then its normalised text lines.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<CellOutput> outputs) => outputs.SelectMany(output => output.Kind switch
    {
        OutputKind.Stream => Block($"[{output.StreamName}]", output.Text),
        OutputKind.Error => Block($"[error {output.ErrorName}]", output.ErrorValue),
        _ => output.Data.OrderBy(d => d.Key, StringComparer.Ordinal).SelectMany(d => Block($"[display {d.Key}]", d.Value)),
    }).ToList();

    private static IEnumerable<string> Block(string header, string text) => Normalize(text).TrimEnd('\n').Split('\n').Prepend(header);
}
