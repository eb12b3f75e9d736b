using MathNet.Numerics.Distributions;

namespace Backprop;

/// <summary>
/// The book's two-layer network (ch05/two_layer_net.py): Affine1 → Relu1 → Affine2, then SoftmaxWithLoss.
/// W1, b1, W2 and b2 are the very instances the Affine layers hold, as the book's <c>params</c> share their arrays.
/// </summary>
public sealed class TwoLayerNet
{
    private readonly Affine affine1;
    private readonly Affine affine2;

    /// <summary>W1 and W2 are weightInitStd · N(0, 1), drawn W1 first from <paramref name="seed"/>; b1 and b2 are zeros.</summary>
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

    public Matrix<double> W1 { get; }

    public Vector<double> b1 { get; }

    public Matrix<double> W2 { get; }

    public Vector<double> b2 { get; }

    /// <summary>The layers before the loss, in forward order, by name, as the book's <c>OrderedDict</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, ILayer>> Layers { get; }

    public SoftmaxWithLoss LastLayer { get; } = new();

    /// <summary>The scores of a batch x, one row per sample; softmax keeps their order, so it is left out.</summary>
    public Matrix<double> Predict(Matrix<double> x)
    {
        foreach (var (_, layer) in Layers)
        {
            x = layer.Forward(x);
        }

        return x;
    }

    /// <summary>The mean cross-entropy loss of x against one-hot targets t.</summary>
    public double Loss(Matrix<double> x, Matrix<double> t) => LastLayer.Forward(Predict(x), t);

    /// <summary>The mean cross-entropy loss of x against the class of each row.</summary>
    public double Loss(Matrix<double> x, int[] labels) => LastLayer.Forward(Predict(x), labels);

    /// <summary>The fraction of rows whose largest score is in the column where one-hot t has its 1.</summary>
    public double Accuracy(Matrix<double> x, Matrix<double> t)
    {
        ArgumentNullException.ThrowIfNull(x);
        Ensure.Shape(t, x.RowCount, W2.ColumnCount, nameof(t), "the scores");
        return Accuracy(x, RowWise.ArgMax(t)); // t = np.argmax(t, axis=1)
    }

    /// <summary>The fraction of rows whose largest score is in the column of their label.</summary>
    public double Accuracy(Matrix<double> x, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        Functions.CheckLabels(labels, x.RowCount, W2.ColumnCount);
        int[] y = RowWise.ArgMax(Predict(x)); // y = np.argmax(self.predict(x), axis=1)
        return (double)y.Where((label, n) => label == labels[n]).Count() / x.RowCount; // np.sum(y == t) / float(x.shape[0])
    }

    /// <summary>∂L/∂(every parameter) by central differences (h = 1e-4), nudging each entry in place: slow, and independent of backprop.</summary>
    public TwoLayerNetGradients NumericalGradient(Matrix<double> x, Matrix<double> t) => NumericalGradient(() => Loss(x, t));

    /// <summary>As the one-hot form, for the class of each row.</summary>
    public TwoLayerNetGradients NumericalGradient(Matrix<double> x, int[] labels) => NumericalGradient(() => Loss(x, labels));

    /// <summary>∂L/∂(every parameter) by backprop, for one-hot targets t.</summary>
    public TwoLayerNetGradients Gradient(Matrix<double> x, Matrix<double> t)
    {
        Loss(x, t); // forward
        return Backward();
    }

    /// <summary>∂L/∂(every parameter) by backprop, for the class of each row.</summary>
    public TwoLayerNetGradients Gradient(Matrix<double> x, int[] labels)
    {
        Loss(x, labels); // forward
        return Backward();
    }

    private TwoLayerNetGradients NumericalGradient(Func<double> loss) => new(
        Backprop.NumericalGradient.Of(loss, W1),
        Backprop.NumericalGradient.Of(loss, b1),
        Backprop.NumericalGradient.Of(loss, W2),
        Backprop.NumericalGradient.Of(loss, b2));

    /// <summary>From the loss (dout = 1) back through the layers in reverse: each needs the gradient of what came after it.</summary>
    private TwoLayerNetGradients Backward()
    {
        Matrix<double> dout = LastLayer.Backward(1);
        foreach (var (_, layer) in Layers.Reverse())
        {
            dout = layer.Backward(dout); // Affine1 returns ∂L/∂x of the data last: unused, as in the book
        }

        return new(affine1.dW, affine1.db, affine2.dW, affine2.db); // grads['W1'] = self.layers['Affine1'].dW, …
    }
}
