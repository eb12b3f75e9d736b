using System.Globalization;
using System.Text;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks.Display;

/// <summary>
/// Draws a <see cref="ComputationalGraph"/> as SVG. Columns are spaced so the widest edge label fits
/// between its nodes; edges run between node outlines with drawn arrowheads (no markers, so no ids
/// that could clash between figures on one page). Each label sits just clear of its edge, the forward
/// value on the upper side and the gradient on the lower side, slid along the edge if it would touch
/// another label, node or edge, or sit less than twice as far from every other edge as from its own.
/// </summary>
internal static class GraphSvg
{
    private const string Font = "Helvetica, Arial, 'DejaVu Sans', sans-serif";
    private const double LabelSize = 13;
    private const double LabelGap = 3;
    private const double MinColumnSpacing = 100;
    private const double MinRowSpacing = 96;
    private const double Padding = 14;
    private const double Clearance = 4;
    private const string Ink = "#111111";
    private const string EdgeColor = "#404040";
    private const string BackwardColor = "#d62728";

    /// <summary>Where along an edge a label may sit, most preferred first: the middle, then outwards.</summary>
    private static readonly double[] Positions = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];

    public static string Render(ComputationalGraph graph) => Draw(graph, graph.Steps).Svg;

    /// <summary>
    /// The SVG, each edge label carrying the number of the step that reveals it (data-step, counted from 1) and each
    /// node its id (data-node); with the boxes of the nodes, for the script to point at the node that computes.
    /// </summary>
    public static (string Svg, IReadOnlyDictionary<string, Box> Nodes) Draw(ComputationalGraph graph, IReadOnlyList<GraphStep> steps)
    {
        var positions = GraphLayout.Of(graph);
        var laid = graph.Nodes.Select(n => n with { Column = positions[n.Id].Column, Row = positions[n.Id].Row }).ToDictionary(n => n.Id);
        (double columnSpacing, double rowSpacing) = Spacing(graph, laid);
        var nodes = laid.Values.ToDictionary(
            n => n.Id, n => new NodeShape(n, new Point(n.Column * columnSpacing, n.Row * rowSpacing)));
        var stepOf = steps.Select((s, i) => (s, i)).ToDictionary(p => (p.s.Edge, p.s.Pass), p => p.i + 1);
        EdgePath[] paths = graph.Edges.Select(e => new EdgePath(e, nodes[e.From], nodes[e.To])).ToArray();

        var svg = new StringBuilder();
        Box? bounds = null;
        foreach (EdgePath p in paths)
        {
            svg.Append($"<line x1=\"{N(p.Start.X)}\" y1=\"{N(p.Start.Y)}\" x2=\"{N(p.ArrowBase.X)}\" y2=\"{N(p.ArrowBase.Y)}\" stroke=\"{EdgeColor}\" stroke-width=\"1.4\"/>");
            svg.Append($"<polygon points=\"{string.Join(" ", p.Arrowhead.Select(a => $"{N(a.X)},{N(a.Y)}"))}\" fill=\"{EdgeColor}\"/>");
            bounds = Grow(bounds, new Box(Math.Min(p.Start.X, p.Tip.X), Math.Min(p.Start.Y, p.Tip.Y), Math.Max(p.Start.X, p.Tip.X), Math.Max(p.Start.Y, p.Tip.Y)));
        }

        foreach (NodeShape s in nodes.Values)
        {
            string id = $" data-node=\"{Escape(s.Node.Id).Replace("\"", "&quot;", StringComparison.Ordinal)}\"";
            svg.Append(s.Node.IsOperation
                ? $"<circle cx=\"{N(s.Center.X)}\" cy=\"{N(s.Center.Y)}\" r=\"{N(s.HalfWidth)}\" fill=\"#ffffff\" stroke=\"#333333\" stroke-width=\"1.5\"{id}/>"
                  + Text(s.Center, s.Node.Label, s.FontSize, Ink, "middle")
                : Text(s.Center, s.Node.Label, s.FontSize, Ink, "middle", extra: id));
            bounds = Grow(bounds, s.Box);
        }

        var taken = nodes.Values.Select(s => s.Box).ToList();
        for (int e = 0; e < paths.Length; e++)
        {
            EdgePath p = paths[e];
            foreach ((string? label, Point side, string color, GraphPass pass) in new[] { (p.Edge.Forward, p.Normal, Ink, GraphPass.Forward), (p.Edge.Backward, -p.Normal, BackwardColor, GraphPass.Backward) })
            {
                if (string.IsNullOrEmpty(label))
                {
                    continue;
                }

                Box box = PlaceLabel(p, label, side, taken, paths);
                taken.Add(box);
                bounds = Grow(bounds, box);
                string step = stepOf.TryGetValue((e, pass), out int k) ? $" data-step=\"{k}\"" : "";
                svg.Append(Text(new Point((box.MinX + box.MaxX) / 2, (box.MinY + box.MaxY) / 2), label, LabelSize, color, "middle", extra: step));
            }
        }

        Box content = bounds ?? new Box(0, 0, 0, 0);
        if (graph.Title is { } title)
        {
            var at = new Point(content.MinX, content.MinY - 18);
            svg.Append(Text(at, title, 15, Ink, "start", bold: true));
            content = content.Union(new Box(at.X, at.Y - 9, at.X + TextWidth.Of(title, 15), at.Y + 9));
        }

        if (graph.Edges.Any(e => e.Backward is not null))
        {
            content = Legend(svg, content);
        }

        Box frame = new(content.MinX - Padding, content.MinY - Padding, content.MaxX + Padding, content.MaxY + Padding);
        string width = N(Math.Ceiling(frame.MaxX - frame.MinX));
        string height = N(Math.Ceiling(frame.MaxY - frame.MinY));
        string svgText = $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" "
            + $"viewBox=\"{N(frame.MinX)} {N(frame.MinY)} {width} {height}\" font-family=\"{Font}\" "
            + "style=\"max-width:100%;height:auto;\" role=\"img\">"
            + $"<rect x=\"{N(frame.MinX)}\" y=\"{N(frame.MinY)}\" width=\"{width}\" height=\"{height}\" rx=\"6\" fill=\"#ffffff\"/>"
            + svg + "</svg>";
        return (svgText, nodes.ToDictionary(n => n.Key, n => n.Value.Box));
    }

    /// <summary>
    /// Grid spacing wide enough that every edge's longer label fits between the outlines of its two
    /// nodes with room for the arrowhead; tall enough for vertical edges the same way.
    /// </summary>
    private static (double Column, double Row) Spacing(ComputationalGraph graph, Dictionary<string, GraphNode> laid)
    {
        double column = MinColumnSpacing;
        double row = MinRowSpacing;
        foreach (GraphEdge e in graph.Edges)
        {
            var a = new NodeShape(laid[e.From], default);
            var b = new NodeShape(laid[e.To], default);
            double label = Math.Max(LabelWidth(e.Forward), LabelWidth(e.Backward));
            double columns = Math.Abs(b.Node.Column - a.Node.Column);
            double rows = Math.Abs(b.Node.Row - a.Node.Row);
            if (columns > 0)
            {
                column = Math.Max(column, (label + a.HalfWidth + b.HalfWidth + EdgePath.ArrowLength + 24) / columns);
            }
            else if (rows > 0)
            {
                row = Math.Max(row, (2 * LabelSize + a.HalfHeight + b.HalfHeight + EdgePath.ArrowLength + 24) / rows);
            }
        }

        return (column, row);
    }

    /// <summary>
    /// The label's box at the first position along the edge where it touches nothing placed so far and
    /// no other edge; the box is pushed off the edge along <paramref name="side"/> by exactly its own
    /// extent in that direction (|nx|·w/2 + |ny|·h/2) plus a small gap.
    /// </summary>
    private static Box PlaceLabel(EdgePath path, string label, Point side, List<Box> taken, EdgePath[] paths)
    {
        double halfWidth = LabelWidth(label) / 2;
        double halfHeight = LabelSize / 2;
        double reach = Math.Abs(side.X) * halfWidth + Math.Abs(side.Y) * halfHeight + LabelGap;
        Box Candidate(double t) => Box.Around(path.At(t) + side * reach, halfWidth, halfHeight);

        foreach (double t in Positions)
        {
            Box box = Candidate(t);
            Box clear = box.Inflate(Clearance);
            if (!taken.Any(clear.Overlaps) && !paths.Any(p => p != path && clear.Crosses(p.Start, p.Tip)) && PlainlyNearest(path, box, paths))
            {
                return box;
            }
        }

        return Candidate(0.5);
    }

    /// <summary>
    /// Whether the label's centre is at least twice as far from every other edge as from its own, so
    /// that it plainly belongs to its edge. Between two edges converging on one node a label can be
    /// nearest its own edge and still look as if it belonged to either; sliding it towards the wide end
    /// settles that.
    /// </summary>
    private static bool PlainlyNearest(EdgePath path, Box box, EdgePath[] paths)
    {
        var centre = new Point((box.MinX + box.MaxX) / 2, (box.MinY + box.MaxY) / 2);
        double own = path.DistanceTo(centre);
        return paths.All(p => p == path || p.DistanceTo(centre) >= 2 * own);
    }

    /// <summary>
    /// A key under the figure: a black and a red stroke naming what the labels are, side by side,
    /// or one under the other when the figure is narrower than that.
    /// </summary>
    private static Box Legend(StringBuilder svg, Box content)
    {
        (string Text, string Color)[] entries = [(Strings.GraphForwardValue, Ink), (Strings.GraphBackwardGradient, BackwardColor)];
        const double size = 12;
        const double stroke = 18;
        const double gap = 22;
        double[] widths = entries.Select(e => stroke + 6 + TextWidth.Of(e.Text, size)).ToArray();
        bool sideBySide = widths.Sum() + gap <= content.MaxX - content.MinX;
        double x = content.MinX;
        double y = content.MaxY + 22;
        Box box = content;
        for (int i = 0; i < entries.Length; i++)
        {
            svg.Append($"<line x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x + stroke)}\" y2=\"{N(y)}\" stroke=\"{entries[i].Color}\" stroke-width=\"2\"/>");
            svg.Append(Text(new Point(x + stroke + 6, y), entries[i].Text, size, entries[i].Color, "start"));
            box = box.Union(new Box(x, y - size / 2, x + widths[i], y + size / 2));
            if (sideBySide)
            {
                x += widths[i] + gap;
            }
            else
            {
                y += size + 6;
            }
        }

        return box;
    }

    private static Box Grow(Box? bounds, Box box) => bounds is { } b ? b.Union(box) : box;

    private static string Text(Point at, string text, double size, string color, string anchor, bool bold = false, string extra = "") =>
        $"<text x=\"{N(at.X)}\" y=\"{N(at.Y)}\" dy=\"0.35em\" font-size=\"{N(size)}\" fill=\"{color}\" text-anchor=\"{anchor}\"{(bold ? " font-weight=\"bold\"" : "")}{extra}>{Escape(text)}</text>";

    private static double LabelWidth(string? label) => label is null ? 0 : TextWidth.Of(label, LabelSize);

    /// <summary>A coordinate to 0.1 unit, never "-0".</summary>
    private static string N(double x)
    {
        double r = Math.Round(x, 1);
        return (r == 0 ? 0 : r).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
