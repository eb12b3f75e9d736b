namespace Backprop.Notebooks;

/// <summary>
/// A node of a <see cref="ComputationalGraph"/> at a grid position (column left to right, row top to
/// bottom; fractions allowed). An operation is drawn as a circle around its symbol (×, +, exp);
/// a value (an input such as "apple" or an output such as "price") as plain text.
/// A node added without a position has <see cref="IsPlaced"/> false and is placed from the edges
/// (<see cref="ComputationalGraph.Laid"/>).
/// </summary>
public sealed record GraphNode(string Id, string Label, double Column, double Row, bool IsOperation)
{
    /// <summary>What the node computes, which decides the local rule its backward step shows.</summary>
    public GraphNodeKind Kind { get; init; } = IsOperation ? GraphNodeKinds.FromSymbol(Label) : GraphNodeKind.Value;

    /// <summary>Whether the cell gave the node its column and row.</summary>
    public bool IsPlaced { get; init; } = true;
}
