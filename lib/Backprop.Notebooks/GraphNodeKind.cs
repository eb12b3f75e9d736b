namespace Backprop.Notebooks;

/// <summary>
/// What a node of a <see cref="ComputationalGraph"/> computes: the kind decides the local derivative its
/// backward step shows ("× swaps its inputs: 1.1 × 2 = 2.2"). Read from the operation's symbol unless given.
/// </summary>
public enum GraphNodeKind
{
    /// <summary>A value: an input, an output, or a named value between operations that passes gradients on.</summary>
    Value,

    /// <summary>z = x + y: ∂z/∂x = ∂z/∂y = 1, the gradient passes on unchanged.</summary>
    Add,

    /// <summary>z = x·y: ∂z/∂x = y, ∂z/∂y = x, each input gets the other one.</summary>
    Multiply,

    /// <summary>y = exp(x): ∂y/∂x = exp(x) = y.</summary>
    Exp,

    /// <summary>y = 1/x: ∂y/∂x = −1/x² = −y².</summary>
    Reciprocal,

    /// <summary>y = x²: ∂y/∂x = 2x.</summary>
    Square,

    /// <summary>y = log x: ∂y/∂x = 1/x.</summary>
    Log,

    /// <summary>y = max(0, x): the gradient passes where x &gt; 0.</summary>
    Relu,

    /// <summary>y = 1/(1 + exp(−x)): ∂y/∂x = y(1 − y).</summary>
    Sigmoid,

    /// <summary>Y = X · W: ∂L/∂X = ∂L/∂Y · Wᵀ, ∂L/∂W = Xᵀ · ∂L/∂Y.</summary>
    Dot,

    /// <summary>Y = X · W + B as one layer.</summary>
    Affine,

    /// <summary>softmax then cross-entropy as one layer: ∂L/∂a = (y − t)/N.</summary>
    SoftmaxWithLoss,

    /// <summary>softmax drawn with the cross-entropy error as a separate node after it: together they send back y − t.</summary>
    Softmax,

    /// <summary>Anything else: its rule is named, not spelled out.</summary>
    Other,
}

/// <summary>The kind an operation's symbol names.</summary>
public static class GraphNodeKinds
{
    public static GraphNodeKind FromSymbol(string symbol) => symbol.Trim().ToLowerInvariant() switch
    {
        "+" => GraphNodeKind.Add,
        "×" or "*" or "·" => GraphNodeKind.Multiply,
        "exp" => GraphNodeKind.Exp,
        "/" or "÷" or "1/x" => GraphNodeKind.Reciprocal,
        "**2" or "^2" or "²" or "x²" => GraphNodeKind.Square,
        "log" => GraphNodeKind.Log,
        "relu" => GraphNodeKind.Relu,
        "sigmoid" or "σ" => GraphNodeKind.Sigmoid,
        "dot" => GraphNodeKind.Dot,
        "affine" => GraphNodeKind.Affine,
        "softmax-with-loss" or "softmaxwithloss" => GraphNodeKind.SoftmaxWithLoss,
        "softmax" => GraphNodeKind.Softmax,
        _ => GraphNodeKind.Other,
    };
}
