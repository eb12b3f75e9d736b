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
        var order = Order(graph);
        var steps = new List<GraphStep>();
        var edges = graph.Edges;
        foreach (GraphNode node in order)
        {
            for (int i = 0; i < edges.Count; i++)
            {
                if (edges[i].From == node.Id && !string.IsNullOrEmpty(edges[i].Forward))
                {
                    steps.Add(new GraphStep(GraphPass.Forward, i, node.Id, ForwardText(graph, node, edges[i])));
                }
            }
        }

        foreach (GraphNode node in Enumerable.Reverse(order))
        {
            for (int i = 0; i < edges.Count; i++)
            {
                if (edges[i].To == node.Id && !string.IsNullOrEmpty(edges[i].Backward))
                {
                    steps.Add(new GraphStep(GraphPass.Backward, i, node.Id, BackwardText(graph, node, i)));
                }
            }
        }

        return steps;
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
        string value = edge.Forward!;
        var inputs = graph.Edges.Where(e => e.To == node.Id).Select(e => e.Forward is { Length: > 0 } f ? f : graph.Find(e.From).Label).ToList();
        if (inputs.Count == 0 || node.Kind == GraphNodeKind.Value)
        {
            return value == node.Label ? value : $"{node.Label} = {value}";
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

    private static string BackwardText(ComputationalGraph graph, GraphNode node, int edgeIndex)
    {
        var edges = graph.Edges;
        GraphEdge edge = edges[edgeIndex];
        string result = edge.Backward!;
        var upstream = edges.Where(e => e.From == node.Id && !string.IsNullOrEmpty(e.Backward)).Select(e => e.Backward!).ToList();
        if (upstream.Count == 0)
        {
            return Format(Resources.GraphSteps.RuleStart, result);
        }

        // A node that feeds several others receives the sum of their gradients.
        string g = upstream.Count == 1 ? upstream[0] : "(" + string.Join(" + ", upstream) + ")";
        bool numbers = upstream.All(IsNumber) && IsNumber(result);
        string? output = edges.FirstOrDefault(e => e.From == node.Id && !string.IsNullOrEmpty(e.Forward))?.Forward;
        string x = edge.Forward is { Length: > 0 } f ? f : graph.Find(edge.From).Label;

        string Rule(string rule, string formula, params string[] used) =>
            numbers && used.All(IsNumber) ? $"{rule}{Colon()}{formula} = {result}" : $"{rule} → {result}";

        switch (node.Kind)
        {
            case GraphNodeKind.Value:
                return Format(Resources.GraphSteps.RulePass, g, node.Label);
            case GraphNodeKind.Add:
                return Format(Resources.GraphSteps.RuleAdd, g);
            case GraphNodeKind.Multiply:
                var others = edges.Where((e, i) => e.To == node.Id && i != edgeIndex).ToList();
                string other = others.Count == 1 ? (others[0].Forward is { Length: > 0 } o ? o : graph.Find(others[0].From).Label) : "";
                return Rule(Resources.GraphSteps.RuleMultiply, $"{Paren(g)} × {Paren(other)}", g, other);
            case GraphNodeKind.Exp when output is not null:
                return Rule(Resources.GraphSteps.RuleExp, $"{Paren(g)} × {Paren(output)}", output);
            case GraphNodeKind.Reciprocal when output is not null:
                return Rule(Resources.GraphSteps.RuleReciprocal, $"{Paren(g)} × (−{Paren(output)}²)", output);
            case GraphNodeKind.Square:
                return Rule(Resources.GraphSteps.RuleSquare, $"{Paren(g)} × 2 × {Paren(x)}", x);
            case GraphNodeKind.Log:
                return Rule(Resources.GraphSteps.RuleLog, $"{Paren(g)} × 1/{Paren(x)}", x);
            case GraphNodeKind.Sigmoid when output is not null:
                return Rule(Resources.GraphSteps.RuleSigmoid, $"{Paren(g)} × {output} × (1 − {output})", output);
            case GraphNodeKind.Relu:
                if (numbers && Parse(x) is { } input)
                {
                    return input > 0
                        ? Format(Resources.GraphSteps.RuleReluPasses, result, x)
                        : Format(Resources.GraphSteps.RuleReluStops, result, x);
                }

                return $"{Resources.GraphSteps.RuleRelu} → {result}";
            case GraphNodeKind.Dot:
                bool first = edges.Select((e, i) => (e, i)).First(p => p.e.To == node.Id).i == edgeIndex;
                return $"{(first ? Resources.GraphSteps.RuleDotX : Resources.GraphSteps.RuleDotW)} → {result}";
            case GraphNodeKind.Affine:
                return $"{Resources.GraphSteps.RuleAffine} → {result}";
            case GraphNodeKind.SoftmaxWithLoss:
                return $"{Resources.GraphSteps.RuleSoftmaxWithLoss} → {result}";
            default:
                return $"{Format(Resources.GraphSteps.RuleOther, g, node.Label)} → {result}";
        }
    }

    /// <summary>After Japanese text the colon is full-width (the editions' style), in English and Korean ": ".</summary>
    private static string Colon() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? "：" : ": ";

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary>A negative number in parentheses, as a product is written by hand: 1.1 × (−1).</summary>
    private static string Paren(string s) => (s.StartsWith('−') || s.StartsWith('-')) && IsNumber(s) ? $"({s})" : s;

    internal static bool IsNumber(string s) => Parse(s) is not null;

    private static double? Parse(string s) =>
        double.TryParse(s.Replace('−', '-'), NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : null;
}
