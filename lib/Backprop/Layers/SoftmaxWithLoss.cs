namespace Backprop;

/// <summary>
/// Softmax followed by the cross-entropy loss, as one layer, because together their gradient is simply
/// ∂L/∂x = (y − t)/N: the predicted probabilities y minus the targets t, averaged over the batch of N rows.
/// </summary>
public sealed class SoftmaxWithLoss
{
    private Matrix<double>? y; // the output of softmax
    private Matrix<double>? t; // the targets, one-hot
    private double loss;

    /// <summary>The probabilities softmax(x) from the last Forward.</summary>
    public Matrix<double> Y => y ?? throw new InvalidOperationException(Messages.Format(Errors.SetByForward, nameof(Y)));

    /// <summary>The loss from the last Forward.</summary>
    public double Loss => y is null ? throw new InvalidOperationException(Messages.Format(Errors.SetByForward, nameof(Loss))) : loss;

    /// <summary>The loss of scores <paramref name="x"/> (one row per sample) against one-hot targets <paramref name="t"/>.</summary>
    public double Forward(Matrix<double> x, Matrix<double> t)
    {
        Ensure.SameShape(x, t, nameof(x), nameof(t));
        this.t = t;
        y = Functions.Softmax(x);
        loss = Functions.CrossEntropyError(y, t);
        return loss;
    }

    /// <summary>The loss of scores <paramref name="x"/> against the class of each row, kept as the one-hot t it stands for.</summary>
    public double Forward(Matrix<double> x, int[] labels)
    {
        Functions.CheckLabels(labels, x);
        t = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (n, k) => k == labels[n] ? 1 : 0);
        y = Functions.Softmax(x);
        loss = Functions.CrossEntropyError(y, labels);
        return loss;
    }

    /// <summary>
    /// Returns dx = dout·(y − t)/N. The book ignores dout, which is 1 at the end of the graph; the chain rule
    /// is honoured here, so a scaled loss scales the gradient.
    /// </summary>
    public Matrix<double> Backward(double dout = 1)
    {
        var y = Ensure.Forwarded(this.y, nameof(SoftmaxWithLoss));
        int batchSize = y.RowCount;
        return (y - t!).Map(d => dout * d / batchSize); // ∂L/∂x = (y − t)/N, times the upstream dout
    }
}
