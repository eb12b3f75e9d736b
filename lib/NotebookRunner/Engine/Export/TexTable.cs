using System.Text;

namespace NotebookRunner.Engine.Export;

/// <summary>
/// The alignment environments (aligned, cases, the matrices, array) as an &lt;mtable&gt;. MathML Core has no
/// columnalign, so each cell carries CSS: text-align, and paddings that keep an aligned pair "x &amp;= y" tight
/// round its & while pairs stand apart.
/// </summary>
internal sealed record TexTable(Func<int, string> CellStyle, bool DisplayStyle, string Open = "", string Close = "")
{
    /// <summary>aligned: columns alternately right and left aligned, meeting at the &.</summary>
    public static readonly TexTable Aligned = new(
        column => column % 2 == 0
            ? column == 0 ? "text-align:right;padding-right:0" : "text-align:right;padding-right:0;padding-left:2em"
            : "text-align:left;padding-left:0",
        DisplayStyle: true);

    /// <summary>gathered, and a bare \\ at the top of a formula: lines centered.</summary>
    public static readonly TexTable Gathered = new(_ => "", DisplayStyle: true);

    /// <summary>cases: value and condition left aligned, a brace on the left, text style as in TeX.</summary>
    public static readonly TexTable Cases = new(
        column => column == 0 ? "text-align:left;padding-left:0.2em" : "text-align:left;padding-left:1em",
        DisplayStyle: false,
        Open: "{");

    public static TexTable Matrix(string open, string close) => new(_ => "", DisplayStyle: false, open, close);

    /// <summary>array{lcr}: one letter per column (l, c, r); rules and anything else in the spec are ignored.</summary>
    public static TexTable Array(string spec)
    {
        var columns = spec.Where(c => c is 'l' or 'c' or 'r').ToArray();
        return new(
            column => column < columns.Length ? $"text-align:{columns[column] switch { 'l' => "left", 'r' => "right", _ => "center" }}" : "",
            DisplayStyle: false);
    }

    public static string Write(List<List<string>> rows, TexTable layout)
    {
        var columns = rows.Max(r => r.Count);
        var table = new StringBuilder(layout.DisplayStyle ? "<mtable displaystyle=\"true\">" : "<mtable>");
        foreach (var row in rows)
        {
            table.Append("<mtr>");
            for (var column = 0; column < columns; column++)
            {
                var style = layout.CellStyle(column);
                table.Append(style.Length == 0 ? "<mtd>" : $"<mtd style=\"{style}\">")
                    .Append(column < row.Count ? row[column] : "")
                    .Append("</mtd>");
            }

            table.Append("</mtr>");
        }

        table.Append("</mtable>");
        if (layout.Open.Length == 0 && layout.Close.Length == 0)
        {
            return table.ToString();
        }

        return $"<mrow>{Fence(layout.Open)}{table}{Fence(layout.Close)}</mrow>";
    }

    private static string Fence(string delimiter) =>
        delimiter.Length == 0 ? "" : $"<mo fence=\"true\" stretchy=\"true\">{delimiter}</mo>";
}
