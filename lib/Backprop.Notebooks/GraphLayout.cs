using System.Globalization;

namespace Backprop.Notebooks;

/// <summary>
/// Places the nodes of a graph that was given no positions, as the book draws its figures: columns by depth from
/// the inputs (an operation one column right of its deepest input; an input one column left of the first node it
/// feeds, so "tax" sits beside the × that applies it), rows so that edges stay short and nearly level.
/// Separate pieces of a graph (two small figures in one cell) are stacked, in the order their nodes were added.
/// </summary>
internal static class GraphLayout
{
    /// <summary>The positions to draw: the cell's own when it gave them, else the laid-out ones.</summary>
    /// <exception cref="InvalidOperationException">Some nodes have positions and some do not.</exception>
    public static IReadOnlyDictionary<string, (double Column, double Row)> Of(ComputationalGraph graph)
    {
        var nodes = graph.Nodes;
        if (nodes.All(n => n.IsPlaced))
        {
            return nodes.ToDictionary(n => n.Id, n => (n.Column, n.Row));
        }

        if (nodes.FirstOrDefault(n => n.IsPlaced) is { } placed)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.CurrentCulture, Resources.GraphSteps.LayoutMixed, placed.Id, nodes.First(n => !n.IsPlaced).Id));
        }

        var result = new Dictionary<string, (double, double)>();
        double top = 0;
        foreach (var piece in Pieces(graph))
        {
            var rows = Lay(graph, piece, out var columns);
            double min = rows.Values.Min();
            foreach (var id in piece)
            {
                result[id] = (columns[id], rows[id] - min + top);
            }

            top += rows.Values.Max() - min + 1.2;
        }

        return result;
    }

    /// <summary>The connected pieces, in the order their first nodes were added, each in the order its nodes were added.</summary>
    internal static List<List<string>> Pieces(ComputationalGraph graph)
    {
        var piece = graph.Nodes.ToDictionary(n => n.Id, n => n.Id);
        string Root(string id) => piece[id] == id ? id : piece[id] = Root(piece[id]);
        foreach (GraphEdge e in graph.Edges)
        {
            piece[Root(e.From)] = Root(e.To);
        }

        return graph.Nodes.GroupBy(n => Root(n.Id)).Select(g => g.Select(n => n.Id).ToList()).ToList();
    }

    private static Dictionary<string, double> Lay(ComputationalGraph graph, List<string> ids, out Dictionary<string, double> columns)
    {
        var edges = graph.Edges.Where(e => ids.Contains(e.From)).ToList();
        var order = GraphWalk.Order(graph).Select(n => n.Id).Where(ids.Contains).ToList();
        var inputs = ids.Where(id => edges.All(e => e.To != id)).ToHashSet();

        // A side input joins a line already under way (the tax at the last ×, the constant −1 or 1 drawn with no value on
        // its edge): the book draws it straight below the node it feeds. Other inputs start lines, one column to the left.
        var side = inputs.Where(id => edges.Where(e => e.From == id).All(e =>
            string.IsNullOrEmpty(e.Forward) || edges.Any(o => o.To == e.To && !inputs.Contains(o.From)))).ToHashSet();

        // Columns: the longest path from an input that starts a line; then inputs, at or just before their first consumer.
        var column = ids.ToDictionary(id => id, _ => 0);
        foreach (string id in order.Where(id => !inputs.Contains(id)))
        {
            column[id] = edges.Where(e => e.To == id && !side.Contains(e.From))
                .Select(e => inputs.Contains(e.From) ? 1 : column[e.From] + 1).DefaultIfEmpty(0).Max();
        }

        foreach (string id in inputs)
        {
            column[id] = edges.Where(e => e.From == id).Select(e => column[e.To] - (side.Contains(id) ? 0 : 1)).DefaultIfEmpty(0).Min();
        }

        // Rows: start in the order the nodes were added, then sweep left to right: an operation at the mean row of the
        // lines it joins, an input that starts a line at the mean row of what it feeds, a side input one row below its
        // node; nodes of a column at least one row apart (the least-squares placement under that constraint).
        var byColumn = ids.GroupBy(id => column[id]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var row = new Dictionary<string, double>();
        foreach (var col in byColumn)
        {
            for (int i = 0; i < col.Count; i++)
            {
                row[col[i]] = i;
            }
        }

        double Wanted(string id)
        {
            var from = edges.Where(e => e.To == id && !side.Contains(e.From)).Select(e => row[e.From]).ToList();
            var to = edges.Where(e => e.From == id).Select(e => row[e.To]).ToList();
            return side.Contains(id) ? to.Min() + 1
                : from.Count > 0 ? from.Average()
                : to.Count > 0 ? to.Average()
                : row[id];
        }

        for (int sweep = 0; sweep < 30; sweep++)
        {
            foreach (var col in byColumn)
            {
                var wanted = col.ToDictionary(id => id, Wanted);
                if (sweep < 4)
                {
                    // Early sweeps may also reorder a column, to undo crossings the added order made.
                    col.Sort((a, b) => wanted[a].CompareTo(wanted[b]) is var c && c != 0 ? c : row[a].CompareTo(row[b]));
                }

                var placed = Separate(col.Select(id => wanted[id]).ToArray());
                for (int i = 0; i < col.Count; i++)
                {
                    row[col[i]] = placed[i];
                }
            }
        }

        // Book-like numbers: halves, so nodes that should be level are exactly level.
        columns = column.ToDictionary(p => p.Key, p => (double)p.Value);
        foreach (var col in byColumn)
        {
            double previous = double.NegativeInfinity;
            foreach (string id in col)
            {
                previous = row[id] = Math.Max(Math.Round(row[id] * 2) / 2, previous + 1);
            }
        }

        return row;
    }

    /// <summary>
    /// The positions p closest to <paramref name="wanted"/> (least squares) with p[i + 1] ≥ p[i] + 1: with q[i] = p[i] − i
    /// this is isotonic regression of wanted[i] − i, solved by pooling adjacent violators.
    /// </summary>
    internal static double[] Separate(double[] wanted)
    {
        var blocks = new List<(double Sum, int Count)>();
        for (int i = 0; i < wanted.Length; i++)
        {
            blocks.Add((wanted[i] - i, 1));
            while (blocks.Count > 1 && blocks[^2].Sum / blocks[^2].Count > blocks[^1].Sum / blocks[^1].Count)
            {
                var last = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (blocks[^1].Sum + last.Sum, blocks[^1].Count + last.Count);
            }
        }

        var result = new List<double>();
        foreach (var (sum, count) in blocks)
        {
            result.AddRange(Enumerable.Repeat(sum / count, count));
        }

        return result.Select((q, i) => q + i).ToArray();
    }
}
