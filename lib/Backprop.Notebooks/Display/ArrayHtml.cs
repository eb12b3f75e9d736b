using System.Globalization;
using System.Net;
using System.Text;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks.Display;

/// <summary>
/// An array as an HTML table: one cell per element in NumPy's notation (so the digits match the
/// text form), right-aligned, with the shape as caption. Above 1000 elements, NumPy's summary text.
/// </summary>
internal static class ArrayHtml
{
    private const int MaxCells = 1000;

    public static string Render(string shape, int rows, int columns, double[] rowMajor, string numpyText)
    {
        if (rowMajor.Length > MaxCells)
        {
            return $"<pre class=\"numpy-array\">{WebUtility.HtmlEncode(numpyText)}</pre>";
        }

        string[] cells = NumPy.Cells(rowMajor);
        var html = new StringBuilder();
        html.Append("<table class=\"numpy-array\" style=\"border-collapse:collapse;font-family:monospace;\">");
        html.Append("<caption style=\"caption-side:bottom;text-align:left;opacity:0.7;\">")
            .Append(WebUtility.HtmlEncode(string.Format(CultureInfo.InvariantCulture, Strings.ArrayShape, shape))).Append("</caption>");
        for (int r = 0; r < rows; r++)
        {
            html.Append("<tr>");
            for (int c = 0; c < columns; c++)
            {
                html.Append("<td style=\"text-align:right;padding:2px 10px;border:1px solid rgba(128,128,128,0.35);\">")
                    .Append(WebUtility.HtmlEncode(cells[r * columns + c])).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table>").ToString();
    }
}
