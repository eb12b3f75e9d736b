using System.Globalization;
using System.Net;
using System.Text;
using Backprop.Notebooks.Display;
using Backprop.Notebooks.Resources;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks;

/// <summary>
/// Gradient-check results side by side: parameter, max abs error, relative error, ✓ or ✗; and each row's
/// tolerance when the rows do not share one. See <see cref="Notebook.Check"/>.
/// </summary>
[TypeFormatterSource(typeof(HtmlAndTextSource<GradientCheckTable>))]
public sealed class GradientCheckTable : IRichDisplay
{
    private const string Pass = "✓";
    private const string Fail = "✗";

    internal GradientCheckTable(IReadOnlyList<GradientCheckResult> results) => Results = results;

    /// <summary>The rows, in the order given.</summary>
    public IReadOnlyList<GradientCheckResult> Results { get; }

    /// <summary>Whether every parameter passed.</summary>
    public bool AllPassed => Results.All(r => r.Passed);

    /// <summary>An error in two significant digits, as in "3.2e-10"; exactly zero as "0".</summary>
    public static string FormatError(double error) =>
        double.IsNaN(error) ? "nan"
        : double.IsInfinity(error) ? "inf"
        : error == 0 ? "0"
        : error.ToString("0.0e+00", CultureInfo.InvariantCulture);

    /// <summary>An HTML table, failing rows tinted red.</summary>
    public string ToHtml()
    {
        const string cell = "padding:3px 12px;border-bottom:1px solid rgba(128,128,128,0.35);";
        var html = new StringBuilder("<table class=\"gradient-check\" style=\"border-collapse:collapse;\">");
        html.Append("<thead><tr>");
        foreach (string heading in Headings)
        {
            html.Append($"<th style=\"{cell}text-align:left;\">{heading}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (GradientCheckResult r in Results)
        {
            string tint = r.Passed ? "" : "background:rgba(220,38,38,0.12);";
            string mark = r.Passed
                ? $"<span style=\"color:#1a7f37;font-weight:bold;\">{Pass}</span>"
                : $"<span style=\"color:#cf222e;font-weight:bold;\">{Fail}</span>";
            html.Append($"<tr style=\"{tint}\">")
                .Append($"<td style=\"{cell}font-family:monospace;\">{WebUtility.HtmlEncode(r.Parameter)}</td>")
                .Append($"<td style=\"{cell}font-family:monospace;text-align:right;\">{FormatError(r.MaxAbsError)}</td>")
                .Append($"<td style=\"{cell}font-family:monospace;text-align:right;\">{FormatError(r.RelativeError)}</td>")
                .Append(MixedTolerances ? $"<td style=\"{cell}font-family:monospace;text-align:right;\">{FormatError(r.Tolerance)}</td>" : "")
                .Append($"<td style=\"{cell}text-align:center;\">{mark}</td>")
                .Append("</tr>");
        }

        html.Append("</tbody>");
        html.Append($"<caption style=\"caption-side:bottom;text-align:left;opacity:0.7;padding-top:4px;\">{WebUtility.HtmlEncode(Rule())}</caption>");
        return html.Append("</table>").ToString();
    }

    /// <summary>The same table in aligned columns.</summary>
    public override string ToString()
    {
        string[][] rows =
        [
            Headings,
            .. Results.Select(r => MixedTolerances
                ? new[] { r.Parameter, FormatError(r.MaxAbsError), FormatError(r.RelativeError), FormatError(r.Tolerance), r.Passed ? Pass : Fail }
                : new[] { r.Parameter, FormatError(r.MaxAbsError), FormatError(r.RelativeError), r.Passed ? Pass : Fail }),
        ];
        return TextWidth.Table(rows) + Rule();
    }

    /// <summary>In the UI culture (an edition's language): the numbers beneath stay invariant.</summary>
    private string[] Headings => MixedTolerances
        ? [Strings.GradientCheckParameter, Strings.GradientCheckMaxAbsError, Strings.GradientCheckRelativeError, Strings.GradientCheckTolerance, Strings.GradientCheckVerdict]
        : [Strings.GradientCheckParameter, Strings.GradientCheckMaxAbsError, Strings.GradientCheckRelativeError, Strings.GradientCheckVerdict];

    /// <summary>Whether the rows were checked against different tolerances: then each row shows its own.</summary>
    private bool MixedTolerances => Results.Select(r => r.Tolerance).Distinct().Count() > 1;

    /// <summary>What "pass" means here: the one tolerance all rows share (usually the default), or each row's own.</summary>
    private string Rule() => MixedTolerances
        ? string.Format(CultureInfo.InvariantCulture, Strings.GradientCheckRuleEachRow, Pass)
        : string.Format(CultureInfo.InvariantCulture, Strings.GradientCheckRule, Pass,
            FormatError(Results.Count == 0 ? GradientCheckResult.DefaultTolerance : Results[0].Tolerance));
}
