using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// Softmax followed by the cross-entropy loss, as one layer. Together their gradient is remarkably
/// simple: ∂L/∂x = (y − t)/N, the gap between the predicted probabilities y and the targets t,
/// averaged over the batch of N rows. That simplicity is why the two are fused.
/// </summary>
public sealed class SoftmaxWithLoss
{
    private Matrix<double>? y;
    private Matrix<double>? t;
    private double loss;

    /// <summary>The probabilities softmax(x) from the last <see cref="Forward(Matrix{double}, Matrix{double})"/>.</summary>
    public Matrix<double> Y => y ?? throw new InvalidOperationException("Y is set by Forward; call Forward first.");

    /// <summary>The loss from the last Forward.</summary>
    public double Loss => y is null ? throw new InvalidOperationException("Loss is set by Forward; call Forward first.") : loss;

    /// <summary>Loss for scores <paramref name="x"/> (one row per sample) and one-hot targets <paramref name="t"/>.</summary>
    public double Forward(Matrix<double> x, Matrix<double> t)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(t);
        if (x.RowCount != t.RowCount || x.ColumnCount != t.ColumnCount)
        {
            throw new ArgumentException($"x has shape {Shapes.Of(x)} but t has shape {Shapes.Of(t)}.", nameof(t));
        }

        y = Functions.Softmax(x);
        this.t = t;
        loss = Functions.CrossEntropyError(y, t);
        return loss;
    }

    /// <summary>Loss for scores <paramref name="x"/> and the correct class index of each row.</summary>
    public double Forward(Matrix<double> x, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        Functions.CheckLabels(labels, x);
        y = Functions.Softmax(x);
        // Backward is (y − t)/N either way, so keep the labels as the one-hot rows they stand for.
        var oneHot = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int n = 0; n < labels.Length; n++)
        {
            oneHot[n, labels[n]] = 1.0;
        }

        t = oneHot;
        loss = Functions.CrossEntropyError(y, labels);
        return loss;
    }

    /// <summary>
    /// Returns dx = dout · (y − t)/N. The book's <c>backward(dout=1)</c> ignores <c>dout</c> because the
    /// loss is the end of the graph, where dout is 1; we honour the chain rule, so a scaled loss
    /// (dout ≠ 1) scales the gradient too.
    /// </summary>
    public Matrix<double> Backward(double dout = 1)
    {
        var probabilities = Ensure.Forwarded(y, nameof(SoftmaxWithLoss));
        int batchSize = probabilities.RowCount;
        // One pass, dout · (y − t) / N entry by entry, instead of a matrix for y − t and another for the scaling.
        var dx = Matrix<double>.Build.Dense(probabilities.RowCount, probabilities.ColumnCount);
        double[] result = dx.AsColumnMajorArray();
        double[] yv = probabilities.AsColumnMajorArray();
        double[] tv = t!.AsColumnMajorArray() ?? t.ToColumnMajorArray();
        for (int k = 0; k < result.Length; k++)
        {
            result[k] = dout * (yv[k] - tv[k]) / batchSize;
        }

        return dx;
    }
}
