using System.Globalization;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks;

/// <summary>Which pass a step of a <see cref="ComputationalGraph"/> belongs to.</summary>
public enum GraphPass
{
    /// <summary>A forward value appears on an edge, left to right.</summary>
    Forward,

    /// <summary>A gradient appears on an edge, right to left, computed by the node the edge enters.</summary>
    Backward,
}

/// <summary>
/// One step of a graph's walk-through: the label of edge number <paramref name="Edge"/> (its forward value or its
/// gradient) appears, computed by node <paramref name="Node"/>, and <paramref name="Text"/> says how, with the
/// numbers already on the figure ("× swaps its inputs: 1.1 × 2 = 2.2"). Nothing is recomputed.
/// </summary>
public sealed record GraphStep(GraphPass Pass, int Edge, string Node, string Text);

/// <summary>
/// The order a graph is computed in. Forward: nodes in topological order, each input drawn just before the first
/// node that needs it, and each node's outgoing values as it computes them. Backward: the same nodes in reverse,
/// each node turning the gradients on its outgoing edges into the gradients on its incoming ones; reverse
/// topological order means every consumer of a node has sent its gradient back before the node computes, so a
/// node that feeds two others sums two gradients.
/// </summary>
internal static class GraphWalk
{
    public static IReadOnlyList<GraphStep> Of(ComputationalGraph graph)
    {
        // A figure of separate pieces (5.5's sigmoid: the four-node chain, then the one node it summarises) is walked
        // piece by piece in the order the cell added them, forward and backward alike, so the chain's backward pass is
        // read before the one-node form that sums it up.
        var order = Order(graph);
        var pieces = GraphLayout.Pieces(graph).Select(p => p.ToHashSet()).ToList();
        var steps = new List<GraphStep>();
        var edges = graph.Edges;
        foreach (var piece in pieces)
        {
            foreach (GraphNode node in order.Where(n => piece.Contains(n.Id)))
            {
                for (int i = 0; i < edges.Count; i++)
                {
                    if (edges[i].From == node.Id && !string.IsNullOrEmpty(edges[i].Forward))
                    {
                        steps.Add(new GraphStep(GraphPass.Forward, i, node.Id, ForwardText(graph, node, edges[i])));
                    }
                }
            }
        }

        bool firstBackward = true;
        foreach (var piece in pieces)
        {
            bool firstOfPiece = true;
            foreach (GraphNode node in Enumerable.Reverse(order).Where(n => piece.Contains(n.Id)))
            {
                for (int i = 0; i < edges.Count; i++)
                {
                    if (edges[i].To == node.Id && !string.IsNullOrEmpty(edges[i].Backward))
                    {
                        Start start = firstBackward ? Start.Figure : firstOfPiece ? Start.Piece : Start.None;
                        steps.Add(new GraphStep(GraphPass.Backward, i, node.Id, BackwardText(graph, node, i, start)));
                        firstBackward = firstOfPiece = false;
                    }
                }
            }
        }

        return steps;
    }

    /// <summary>Where a backward step stands: the first of the figure, the first of a later separate piece, or neither.</summary>
    private enum Start
    {
        None,
        Figure,
        Piece,
    }

    /// <summary>
    /// The nodes in topological order: nodes with inputs by Kahn's algorithm, ties going to the node added first;
    /// each input node (no incoming edge) just before the first node it feeds, so "tax" appears when the tax is applied.
    /// </summary>
    /// <exception cref="InvalidOperationException">The edges form a cycle.</exception>
    public static IReadOnlyList<GraphNode> Order(ComputationalGraph graph)
    {
        var nodes = graph.Nodes;
        var edges = graph.Edges;
        var inputs = nodes.Where(n => edges.All(e => e.To != n.Id)).Select(n => n.Id).ToHashSet();
        var pending = nodes.ToDictionary(n => n.Id, n => edges.Count(e => e.To == n.Id && !inputs.Contains(e.From)));
        var done = new HashSet<string>(inputs);
        var order = new List<GraphNode>();
        var emitted = new HashSet<string>();
        while (done.Count < nodes.Count)
        {
            GraphNode? next = nodes.FirstOrDefault(n => !done.Contains(n.Id) && pending[n.Id] == 0);
            if (next is null)
            {
                string stuck = nodes.First(n => !done.Contains(n.Id)).Id;
                throw new InvalidOperationException(string.Format(CultureInfo.CurrentCulture, Resources.GraphSteps.LayoutCycle, stuck));
            }

            foreach (GraphEdge e in edges.Where(e => e.To == next.Id && inputs.Contains(e.From) && emitted.Add(e.From)))
            {
                order.Add(graph.Find(e.From));
            }

            order.Add(next);
            emitted.Add(next.Id);
            done.Add(next.Id);
            foreach (GraphEdge e in edges.Where(e => e.From == next.Id))
            {
                pending[e.To]--;
            }
        }

        // Inputs that feed nothing (a lone value) come last.
        order.AddRange(nodes.Where(n => !emitted.Contains(n.Id)));
        return order;
    }

    private static string ForwardText(ComputationalGraph graph, GraphNode node, GraphEdge edge)
    {
        string text = ValueText(graph, node, edge);
        // A node that sends its value along several edges (exp(a₁) to the + and to the × node) says where each copy goes,
        // so that two steps never read the same.
        return graph.Edges.Count(e => e.From == node.Id && !string.IsNullOrEmpty(e.Forward)) > 1
            ? $"{text} → {Name(graph, graph.Find(edge.To))}"
            : text;
    }

    private static string ValueText(ComputationalGraph graph, GraphNode node, GraphEdge edge)
    {
        string value = edge.Forward!;
        var inputs = graph.Edges.Where(e => e.To == node.Id).Select(e => e.Forward is { Length: > 0 } f ? f : graph.Find(e.From).Label).ToList();
        if (inputs.Count == 0 || node.Kind == GraphNodeKind.Value)
        {
            // "X (2,)" on the edge out of X: the value is the node itself with its shape, not an equation X = X (2,).
            if (value == node.Label)
            {
                return value;
            }

            if (value.StartsWith(node.Label + " (", StringComparison.Ordinal) && value.EndsWith(')'))
            {
                return Format(Resources.GraphSteps.ForwardShape, node.Label, value[(node.Label.Length + 1)..]);
            }

            return $"{node.Label} = {value}";
        }

        if (!inputs.Append(value).All(IsNumber))
        {
            return $"{node.Label} → {value}";
        }

        string x = inputs[0];
        string formula = node.Kind switch
        {
            GraphNodeKind.Add => string.Join(" + ", inputs.Select(Paren)),
            GraphNodeKind.Multiply => string.Join(" × ", inputs.Select(Paren)),
            GraphNodeKind.Exp => $"exp({x})",
            GraphNodeKind.Reciprocal => $"1/{Paren(x)}",
            GraphNodeKind.Square => $"{Paren(x)}²",
            GraphNodeKind.Log => $"log {Paren(x)}",
            GraphNodeKind.Relu => $"ReLU({x})",
            GraphNodeKind.Sigmoid => $"sigmoid({x})",
            _ => $"{node.Label}({string.Join(", ", inputs)})",
        };
        return $"{formula} = {value}";
    }

    private static string BackwardText(ComputationalGraph graph, GraphNode node, int edgeIndex, Start start)
    {
        var edges = graph.Edges;
        GraphEdge edge = edges[edgeIndex];
        string result = edge.Backward!;
        string target = Name(graph, graph.Find(edge.From));
        string F(string template, params string[] more) => Format(template, [result, target, node.Label, .. more]);
        var upstream = edges.Where(e => e.From == node.Id && !string.IsNullOrEmpty(e.Backward)).Select(e => e.Backward!).ToList();

        // Rules that need no upstream gradient: the combined layer sends back y − t whatever arrives (the loss's is 1).
        switch (node.Kind)
        {
            case GraphNodeKind.Softmax:
                return F(Resources.GraphSteps.RuleSoftmax);
            case GraphNodeKind.SoftmaxWithLoss:
                return F(Resources.GraphSteps.RuleSoftmaxWithLoss);
        }

        if (upstream.Count == 0)
        {
            // Only the figure's first gradient starts the backward pass; a later piece says so, anything else is named.
            return start switch
            {
                Start.Figure => F(Resources.GraphSteps.RuleStart),
                Start.Piece => F(Resources.GraphSteps.RuleNextPiece),
                _ => F(Resources.GraphSteps.RuleOther),
            };
        }

        // A node that feeds several others receives the sum of their gradients.
        string g = upstream.Count == 1 ? upstream[0] : "(" + string.Join(" + ", upstream) + ")";
        bool numbers = upstream.All(IsNumber) && IsNumber(result);
        string? output = edges.FirstOrDefault(e => e.From == node.Id && !string.IsNullOrEmpty(e.Forward))?.Forward;
        string x = edge.Forward is { Length: > 0 } f ? f : graph.Find(edge.From).Label;

        string Rule(string rule, string formula, params string[] used) =>
            numbers && used.All(IsNumber) ? $"{F(rule)}{Colon()}{formula} = {result}" : $"{F(rule)} → {result}";

        // What the node received, passed on unchanged, unless the edge's own label says otherwise (the bias edge of a
        // batch: Σ rows of ∂L/∂Y) or its numbers are not the received sum.
        bool passes = result == g || (numbers && Math.Abs(upstream.Sum(u => Parse(u)!.Value) - Parse(result)!.Value) <= 1e-9 * Math.Max(1, Math.Abs(Parse(result)!.Value)));
        string passed = upstream.Count == 1 ? result : g;
        switch (node.Kind)
        {
            case GraphNodeKind.Value:
                return passes ? Format(Resources.GraphSteps.RulePass, passed, target, node.Label) : F(Resources.GraphSteps.RuleOther);
            case GraphNodeKind.Add:
                return passes ? Format(Resources.GraphSteps.RuleAdd, passed, target, node.Label) : F(Resources.GraphSteps.RuleAddOwn);
            case GraphNodeKind.Multiply:
                var others = edges.Where((e, i) => e.To == node.Id && i != edgeIndex).ToList();
                string other = others.Count == 1 ? (others[0].Forward is { Length: > 0 } o ? o : graph.Find(others[0].From).Label) : "";
                return Rule(Resources.GraphSteps.RuleMultiply, $"{Paren(g)} × {Paren(other)}", g, other);
            case GraphNodeKind.Exp when output is not null:
                return Rule(Resources.GraphSteps.RuleExp, $"{Paren(g)} × {Paren(output)}", output);
            case GraphNodeKind.Reciprocal when output is not null:
                return Rule(Resources.GraphSteps.RuleReciprocal, $"{Paren(g)} × (−({Paren(output)}²))", output);
            case GraphNodeKind.Square:
                return Rule(Resources.GraphSteps.RuleSquare, $"{Paren(g)} × 2 × {Paren(x)}", x);
            case GraphNodeKind.Log:
                return Rule(Resources.GraphSteps.RuleLog, $"{Paren(g)} × 1/{Paren(x)}", x);
            case GraphNodeKind.Sigmoid when output is not null:
                return Rule(Resources.GraphSteps.RuleSigmoid, $"{Paren(g)} × {output} × (1 − {output})", output);
            case GraphNodeKind.Relu:
                if (numbers && Parse(x) is { } input)
                {
                    return F(input > 0 ? Resources.GraphSteps.RuleReluPasses : Resources.GraphSteps.RuleReluStops, x);
                }

                return $"{F(Resources.GraphSteps.RuleRelu)} → {result}";
            case GraphNodeKind.Dot:
                bool first = edges.Select((e, i) => (e, i)).First(p => p.e.To == node.Id).i == edgeIndex;
                return $"{F(first ? Resources.GraphSteps.RuleDotX : Resources.GraphSteps.RuleDotW)} → {result}";
            default:
                // Affine and any other named node: the edge's own label says what is sent back, in the figure's letters.
                return F(Resources.GraphSteps.RuleOther);
        }
    }

    /// <summary>How a caption names the node a gradient goes to: a value by its label, an operation as "the + node".</summary>
    // An operation is named by its symbol ("the × node"); where the figure has two of that symbol (the shop's two
    // fruit nodes), by what it outputs as well ("the × node (output 200)"), so the student knows which one is meant.
    private static string Name(ComputationalGraph graph, GraphNode node) =>
        !node.IsOperation ? node.Label
        : graph.Nodes.Count(n => n.IsOperation && n.Label == node.Label) > 1 ? Format(Resources.GraphSteps.OperationNameWithOutput, node.Label, Output(graph, node))
        : Format(Resources.GraphSteps.OperationName, node.Label);

    // The value on the node's first outgoing edge, or its id when its edges carry no value.
    private static string Output(ComputationalGraph graph, GraphNode node) =>
        graph.Edges.FirstOrDefault(e => e.From == node.Id && !string.IsNullOrEmpty(e.Forward))?.Forward ?? node.Id;

    /// <summary>After Japanese text the colon is full-width (the editions' style), in English and Korean ": ".</summary>
    private static string Colon() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? "：" : ": ";

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary>A negative number in parentheses, as a product is written by hand: 1.1 × (−1).</summary>
    private static string Paren(string s) => (s.StartsWith('−') || s.StartsWith('-')) && IsNumber(s) ? $"({s})" : s;

    internal static bool IsNumber(string s) => Parse(s) is not null;

    private static double? Parse(string s) =>
        double.TryParse(s.Replace('−', '-'), NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : null;
}
