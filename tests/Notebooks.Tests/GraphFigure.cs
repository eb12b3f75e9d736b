using System.Text.RegularExpressions;
using System.Xml.Linq;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>
/// A computational graph as a notebook cell displayed it: the labels of its inline SVG, with the forward
/// values (black) told apart from the gradients (red), as a reader tells them apart.
/// </summary>
internal sealed partial class GraphFigure
{
    private const string Red = "#d62728";

    private GraphFigure(XElement svg) => Svg = svg;

    public XElement Svg { get; }

    /// <summary>Every text of the figure: node names, operation symbols, numbers.</summary>
    public IReadOnlyList<string> Texts => Svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

    /// <summary>The numbers drawn in red: the gradients (the legend's words left out).</summary>
    public IReadOnlyList<string> Gradients => Numbers(red: true);

    /// <summary>The numbers drawn in black: the forward values (node names left out).</summary>
    public IReadOnlyList<string> ForwardValues => Numbers(red: false);

    /// <summary>The one figure the cell displayed.</summary>
    public static GraphFigure Of(NotebookCell cell)
    {
        string html = string.Concat(cell.Outputs.SelectMany(o => o.Data.Values));
        Match svg = SvgElement().Match(html);
        Assert.True(svg.Success, $"cell {cell.Index} displayed no SVG figure");
        return new GraphFigure(XElement.Parse(svg.Value));
    }

    private List<string> Numbers(bool red) => Svg.Descendants()
        .Where(e => e.Name.LocalName == "text" && (e.Attribute("fill")?.Value == Red) == red)
        .Select(e => e.Value)
        .Where(t => Number().IsMatch(t))
        .ToList();

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    [GeneratedRegex(@"^[−-]?\d")]
    private static partial Regex Number();
}
