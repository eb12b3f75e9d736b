namespace Backprop.Notebooks;

/// <summary>
/// A node of a <see cref="ComputationalGraph"/> at a grid position (column left to right, row top to
/// bottom; fractions allowed). An operation is drawn as a circle around its symbol (×, +, exp);
/// a value (an input such as "apple" or an output such as "price") as plain text.
/// </summary>
public sealed record GraphNode(string Id, string Label, double Column, double Row, bool IsOperation);
