using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// The book's two-layer network (ch05/two_layer_net.py): Affine1 → Relu1 → Affine2, then SoftmaxWithLoss.
/// Forward runs the layers in order; backward runs them in reverse, because the chain rule needs the
/// gradient of everything after a layer before it can give that layer's own.
/// </summary>
/// <remarks>
/// <see cref="W1"/>, <see cref="b1"/>, <see cref="W2"/> and <see cref="b2"/> are the very instances the
/// Affine layers hold, as the book's <c>params</c> dictionary shares its arrays with the layers: an
/// optimiser that changes them in place changes the network, and so does a numerical gradient's nudge.
/// </remarks>
public sealed class TwoLayerNet
{
    private readonly Affine affine1;
    private readonly Affine affine2;

    /// <summary>
    /// A network for <paramref name="inputSize"/> inputs, <paramref name="hiddenSize"/> hidden neurons and
    /// <paramref name="outputSize"/> classes. W1 and W2 are <paramref name="weightInitStd"/> · N(0, 1), drawn
    /// W1 first from <paramref name="seed"/> (the same seed gives the same weights), b1 and b2 are zeros.
    /// </summary>
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd = 0.01, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        var normal = new Normal(0, 1, seed is int s ? new Random(s) : new Random());
        W1 = weightInitStd * Matrix<double>.Build.Random(inputSize, hiddenSize, normal);
        b1 = Vector<double>.Build.Dense(hiddenSize);
        W2 = weightInitStd * Matrix<double>.Build.Random(hiddenSize, outputSize, normal);
        b2 = Vector<double>.Build.Dense(outputSize);

        affine1 = new Affine(W1, b1);
        affine2 = new Affine(W2, b2);
        Layers =
        [
            new("Affine1", affine1),
            new("Relu1", new Relu()),
            new("Affine2", affine2),
        ];
    }

    /// <summary>The first layer's weights (inputs × hidden), the instance Affine1 uses.</summary>
    public Matrix<double> W1 { get; }

    /// <summary>The first layer's bias (hidden), the instance Affine1 uses.</summary>
    public Vector<double> b1 { get; }

    /// <summary>The second layer's weights (hidden × classes), the instance Affine2 uses.</summary>
    public Matrix<double> W2 { get; }

    /// <summary>The second layer's bias (classes), the instance Affine2 uses.</summary>
    public Vector<double> b2 { get; }

    /// <summary>The layers before the loss, in forward order, by name: Affine1, Relu1, Affine2.</summary>
    public IReadOnlyList<KeyValuePair<string, ILayer>> Layers { get; }

    /// <summary>Softmax and cross-entropy, used for learning only: <see cref="Predict"/> stops before it.</summary>
    public SoftmaxWithLoss LastLayer { get; } = new();

    /// <summary>
    /// The scores (one row per sample, one column per class) of a batch <paramref name="x"/>. Softmax is left
    /// out: it keeps the order of the scores, so the largest score already names the predicted class.
    /// </summary>
    public Matrix<double> Predict(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        foreach (var (_, layer) in Layers)
        {
            x = layer.Forward(x);
        }

        return x;
    }

    /// <summary>The mean cross-entropy loss of <paramref name="x"/> against one-hot targets <paramref name="t"/>.</summary>
    public double Loss(Matrix<double> x, Matrix<double> t) => LastLayer.Forward(Predict(x), t);

    /// <summary>The mean cross-entropy loss of <paramref name="x"/> against the class of each row.</summary>
    public double Loss(Matrix<double> x, int[] labels) => LastLayer.Forward(Predict(x), labels);

    /// <summary>The fraction of rows whose largest score is in the column where the one-hot <paramref name="t"/> has its 1.</summary>
    public double Accuracy(Matrix<double> x, Matrix<double> t)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(t);
        if (t.RowCount != x.RowCount || t.ColumnCount != W2.ColumnCount)
        {
            throw new ArgumentException(
                $"t has shape {Shapes.Of(t)} but the scores have shape ({x.RowCount},{W2.ColumnCount}).", nameof(t));
        }

        return Agreement(x, n => ArgMax(t, n));
    }

    /// <summary>The fraction of rows whose largest score is in the column of their label.</summary>
    public double Accuracy(Matrix<double> x, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        Functions.CheckLabels(labels, x.RowCount, W2.ColumnCount);
        return Agreement(x, n => labels[n]);
    }

    /// <summary>∂L/∂(every parameter) by backprop, for one-hot targets <paramref name="t"/>.</summary>
    public TwoLayerNetGradients Gradient(Matrix<double> x, Matrix<double> t)
    {
        Loss(x, t);
        return Backward();
    }

    /// <summary>∂L/∂(every parameter) by backprop, for the class of each row.</summary>
    public TwoLayerNetGradients Gradient(Matrix<double> x, int[] labels)
    {
        Loss(x, labels);
        return Backward();
    }

    /// <summary>
    /// ∂L/∂(every parameter) by central differences (h = 1e-4): each entry of W1, b1, W2, b2 is nudged in
    /// place, the loss recomputed twice, and the entry restored. Two forward passes per parameter: slow,
    /// and independent of backprop, which is why it checks it.
    /// </summary>
    public TwoLayerNetGradients NumericalGradient(Matrix<double> x, Matrix<double> t) => NumericalGradientOf(() => Loss(x, t));

    /// <summary>As <see cref="NumericalGradient(Matrix{double}, Matrix{double})"/>, for the class of each row.</summary>
    public TwoLayerNetGradients NumericalGradient(Matrix<double> x, int[] labels) => NumericalGradientOf(() => Loss(x, labels));

    private TwoLayerNetGradients NumericalGradientOf(Func<double> loss) => new(
        Backprop.NumericalGradient.Of(loss, W1),
        Backprop.NumericalGradient.Of(loss, b1),
        Backprop.NumericalGradient.Of(loss, W2),
        Backprop.NumericalGradient.Of(loss, b2));

    /// <summary>The backward pass after a forward one: from the loss (dout = 1) back through the layers in reverse.</summary>
    private TwoLayerNetGradients Backward()
    {
        Matrix<double> dout = LastLayer.Backward(1);
        for (int i = Layers.Count - 1; i >= 1; i--)
        {
            dout = Layers[i].Value.Backward(dout);
        }

        // The first layer last. Its dx would be ∂L/∂(input), which no parameter needs, so only dW and db
        // are computed: a third of the step's multiply-adds saved (Affine.Backward itself still returns dx).
        affine1.BackwardParameters(dout);
        return new TwoLayerNetGradients(affine1.dW, affine1.db, affine2.dW, affine2.db);
    }

    /// <summary>The fraction of rows n of <paramref name="x"/> whose largest score is in column <paramref name="truth"/>(n).</summary>
    /// <remarks>
    /// A whole data set is predicted a slice of rows at a time, each slice small enough that no matrix on the way
    /// (the slice, the hidden layer) reaches the large-object heap's 85,000 bytes: those are collected only
    /// with everything else, and on the digits such collections took longer than the arithmetic. Rows do not
    /// interact, so the scores, and the accuracy, are those of one pass over all of x.
    /// </remarks>
    private double Agreement(Matrix<double> x, Func<int, int> truth)
    {
        int widest = Math.Max(W1.RowCount, W1.ColumnCount);
        int sliceRows = Math.Max(1, 80_000 / (sizeof(double) * widest));
        int right = 0;
        for (int start = 0; start < x.RowCount; start += sliceRows)
        {
            int rows = Math.Min(sliceRows, x.RowCount - start);
            Matrix<double> y = Predict(rows == x.RowCount ? x : x.SubMatrix(start, rows, 0, x.ColumnCount));
            for (int n = 0; n < rows; n++)
            {
                if (ArgMax(y, n) == truth(start + n))
                {
                    right++;
                }
            }
        }

        return (double)right / x.RowCount;
    }

    /// <summary>The column of row n's largest entry, the first one on a tie (NumPy's argmax).</summary>
    private static int ArgMax(Matrix<double> m, int n)
    {
        // Read from the column-major array where there is one (row n, column k at n + k·rows): no call per entry.
        double[]? values = m.AsColumnMajorArray();
        int rows = m.RowCount;
        int best = 0;
        for (int k = 1; k < m.ColumnCount; k++)
        {
            if ((values?[n + k * rows] ?? m[n, k]) > (values?[n + best * rows] ?? m[n, best]))
            {
                best = k;
            }
        }

        return best;
    }
}
