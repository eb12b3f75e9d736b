using System.Text;

namespace TexMath;

/// <summary>
/// The alignment environments (aligned, cases, the matrices, array) as an &lt;mtable&gt;. MathML Core has no
/// columnalign: Chromium aligns a cell's content by CSS, and only by the -webkit-left/-webkit-right values (a cell
/// holds one block-level row, which plain left/right do not move), so each cell carries that; the columnalign
/// attribute stays for browsers that still read it. Paddings keep an aligned pair "x &amp;= y" tight round its &amp;
/// while pairs stand apart.
/// </summary>
internal sealed record TexTable(Func<int, char> Align, Func<int, string> Padding, bool DisplayStyle, string Open = "", string Close = "")
{
    /// <summary>aligned: columns alternately right and left aligned, meeting at the &.</summary>
    public static readonly TexTable Aligned = new(
        column => column % 2 == 0 ? 'r' : 'l',
        column => column % 2 == 1 ? "padding-left:0" : column == 0 ? "padding-right:0" : "padding-right:0;padding-left:2em",
        DisplayStyle: true);

    /// <summary>gathered, and a bare \\ at the top of a formula: lines centered.</summary>
    public static readonly TexTable Gathered = new(_ => 'c', _ => "", DisplayStyle: true);

    /// <summary>cases: value and condition left aligned, a brace on the left, text style as in TeX.</summary>
    public static readonly TexTable Cases = new(
        _ => 'l',
        column => column == 0 ? "padding-left:0.2em" : "padding-left:1em",
        DisplayStyle: false,
        Open: "{");

    public static TexTable Matrix(string open, string close) => new(_ => 'c', _ => "", DisplayStyle: false, open, close);

    /// <summary>array{lcr}: one letter per column (l, c, r); rules and anything else in the spec are ignored.</summary>
    public static TexTable Array(string spec)
    {
        var columns = spec.Where(c => c is 'l' or 'c' or 'r').ToArray();
        return new(column => column < columns.Length ? columns[column] : 'c', _ => "", DisplayStyle: false);
    }

    public static string Write(List<List<string>> rows, TexTable layout)
    {
        var columns = rows.Max(r => r.Count);
        var aligns = Enumerable.Range(0, columns).Select(c => layout.Align(c)).ToArray();
        var table = new StringBuilder("<mtable");
        if (layout.DisplayStyle)
        {
            table.Append(" displaystyle=\"true\"");
        }

        if (aligns.Any(a => a != 'c'))
        {
            table.Append($" columnalign=\"{string.Join(' ', aligns.Select(Word))}\"");
        }

        table.Append('>');
        foreach (var row in rows)
        {
            table.Append("<mtr>");
            for (var column = 0; column < columns; column++)
            {
                var style = string.Join(';', new[] { aligns[column] == 'c' ? "" : $"text-align:-webkit-{Word(aligns[column])}", layout.Padding(column) }.Where(s => s.Length > 0));
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

    private static string Word(char align) => align switch { 'l' => "left", 'r' => "right", _ => "center" };

    private static string Fence(string delimiter) =>
        delimiter.Length == 0 ? "" : $"<mo fence=\"true\" stretchy=\"true\">{delimiter}</mo>";
}
