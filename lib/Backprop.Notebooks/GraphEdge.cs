namespace Backprop.Notebooks;

/// <summary>
/// A directed edge of a <see cref="ComputationalGraph"/>: the forward value it carries (drawn above
/// it, black) and the gradient that flows back along it (drawn below it, red). Either may be absent.
/// </summary>
public sealed record GraphEdge(string From, string To, string? Forward, string? Backward);
