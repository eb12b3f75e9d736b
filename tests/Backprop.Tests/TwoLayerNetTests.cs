using MathNet.Numerics.LinearAlgebra;
using static Backprop.Tests.TestData;

namespace Backprop.Tests;

public class TwoLayerNetTests
{
    /// <summary>
    /// A 2-2-2 net small enough to work by hand: W1 = [[1, −1], [0.5, 2]], b1 = [0.1, −0.2],
    /// W2 = [[1, 2], [−1, 1]], b2 = [0, 0.5], on the one sample x = [1, −1] of class 0.
    /// </summary>
    private static TwoLayerNet HandNet()
    {
        var net = new TwoLayerNet(2, 2, 2, seed: 1);
        M([1.0, -1.0], [0.5, 2.0]).CopyTo(net.W1);
        V(0.1, -0.2).CopyTo(net.b1);
        M([1.0, 2.0], [-1.0, 1.0]).CopyTo(net.W2);
        V(0.0, 0.5).CopyTo(net.b2);
        return net;
    }

    [Fact]
    public void Hand_computed_scores_loss_and_gradients_of_a_2_2_2_net()
    {
        var net = HandNet();
        var x = M([1.0, -1.0]);

        // h = x·W1 + b1 = [1 − 0.5 + 0.1, −1 − 2 − 0.2] = [0.6, −3.2]; ReLU: [0.6, 0];
        // s = [0.6, 0]·W2 + b2 = [0.6, 1.2 + 0.5] = [0.6, 1.7].
        MatrixAssert.Close(M([0.6, 1.7]), net.Predict(x), 1e-12);

        // Softmax: p0 = 1 / (1 + e^1.1); the loss is −log(p0 + 1e-7).
        double p0 = 1 / (1 + Math.Exp(1.1)), p1 = 1 - p0;
        Assert.Equal(-Math.Log(p0 + 1e-7), net.Loss(x, [0]), 1e-12);

        // ds = p − t = [p0 − 1, p1] (N = 1); dW2 = aᵀ·ds with a = [0.6, 0]; db2 = ds;
        // da = ds·W2ᵀ = [(p0 − 1) + 2·p1, −(p0 − 1) + p1] = [p1, 2·p1]; ReLU blocks the second: dh = [p1, 0];
        // dW1 = xᵀ·dh = [[p1, 0], [−p1, 0]]; db1 = dh.
        var grad = net.Gradient(x, [0]);
        MatrixAssert.Close(M([0.6 * (p0 - 1), 0.6 * p1], [0.0, 0.0]), grad.W2, 1e-12);
        MatrixAssert.Close(M([p0 - 1, p1]), grad.b2.ToRowMatrix(), 1e-12);
        MatrixAssert.Close(M([p1, 0.0], [-p1, 0.0]), grad.W1, 1e-12);
        MatrixAssert.Close(M([p1, 0.0]), grad.b1.ToRowMatrix(), 1e-12);
    }

    [Fact]
    public void Accuracy_counts_rows_whose_largest_score_is_the_label()
    {
        var net = HandNet();
        // Scores [0.6, 1.7] for x = [1, −1] (class 1 wins); for x = [0, 0]: h = [0.1, 0], s = [0.1, 0.7] (1 wins);
        // for x = [3, 0]: h = [3.1, −3.2] → [3.1, 0], s = [3.1, 6.7] (1 wins); so labels [1, 0, 1] score 2/3.
        var x = M([1.0, -1.0], [0.0, 0.0], [3.0, 0.0]);
        Assert.Equal(2.0 / 3.0, net.Accuracy(x, [1, 0, 1]));
        Assert.Equal(2.0 / 3.0, net.Accuracy(x, M([0.0, 1.0], [1.0, 0.0], [0.0, 1.0])));
        Assert.Equal(1.0, net.Accuracy(x, [1, 1, 1]));
        Assert.Equal(0.0, net.Accuracy(x, [0, 0, 0]));
    }

    [Fact]
    public void Accuracy_over_a_large_set_is_that_of_one_prediction_over_all_rows()
    {
        // Accuracy is the book's np.argmax(predict(x)) against the labels, here over MNIST-wide rows (784) and all
        // 1,797 digits at once, counted independently row by row with MathNet's MaximumIndex.
        var digits = Digits.Load(RepositoryFiles.DigitsCsv);
        var x = Matrix<double>.Build.Dense(digits.Count, 784, (n, p) => p < 64 ? digits.X[n, p] : 0.0);
        var net = new TwoLayerNet(784, 50, 10, weightInitStd: 0.3, seed: 5);

        var scores = net.Predict(x);
        int right = Enumerable.Range(0, x.RowCount).Count(n => scores.Row(n).MaximumIndex() == digits.Labels[n]);
        double accuracy = net.Accuracy(x, digits.Labels);

        Assert.Equal((double)right / x.RowCount, accuracy);
        Assert.Equal(accuracy, net.Accuracy(x, digits.OneHotLabels()));
        Assert.InRange(right, 50, x.RowCount - 50);   // neither all right nor all wrong: the comparison means something
    }

    [Fact]
    public void Smaller_weights_put_more_hidden_inputs_within_h_of_the_relu_kink()
    {
        // 5.7's pitfall: a gradient check straddles ReLU's kink where a hidden input x·W1 (b1 is still 0) lies closer
        // to 0 than a nudge moves it (at most h = 1e-4, pixels being at most 1). Hidden inputs shrink with the
        // weights while the nudge does not, so over the same 200 seeds, on the notebook's three training digits,
        // smaller weights hit the kink more often: the advice there is larger weights, not smaller.
        var (train, _) = Digits.Load(RepositoryFiles.DigitsCsv).StratifiedSplit(0.25, seed: 0);
        var x = train.X.SubMatrix(0, 3, 0, train.X.ColumnCount);
        double Nearest(double std, int seed) => (x * new TwoLayerNet(64, 50, 10, weightInitStd: std, seed: seed).W1).Enumerate().Min(Math.Abs);
        int Hits(double std) => Enumerable.Range(0, 200).Count(seed => Nearest(std, seed) < 1e-4);

        Assert.Equal((3, 63, 192), (Hits(0.1), Hits(0.01), Hits(0.001)));
        Assert.InRange(Nearest(0.01, 3), 6.85e-4, 6.95e-4); // the notebook's seed 3: every hidden input clear of the kink
        Assert.InRange(Nearest(0.01, 0), 1.55e-5, 1.65e-5); // seed 0, its pitfall: one within h
    }

    [Fact]
    public void Backprop_agrees_with_the_numerical_gradient_as_in_the_books_gradient_check()
    {
        // The book's gradient_check.py: three samples, every parameter, the mean absolute difference.
        var digits = Digits.Load(RepositoryFiles.DigitsCsv);
        var x = digits.X.SubMatrix(0, 3, 0, digits.X.ColumnCount);
        int[] t = digits.Labels[..3];
        var net = new TwoLayerNet(64, 50, 10, seed: 3);

        var numerical = net.NumericalGradient(x, t);
        var backprop = net.Gradient(x, t);

        // The book's 1e-7 inside the log is the floor: the numerical gradient differentiates −log(y + 1e-7),
        // backprop the exact −log y, a relative gap of about 1e-7 / y ≈ 1e-6 at y ≈ 0.1. The book's Python
        // on the same three digits (tests/Backprop.Benchmarks/numpy, --gradient-check) prints W1 7.1e-10,
        // b1 1.9e-09, W2 1.4e-09, b2 1.4e-07; a wrong backward (no ReLU mask, a missing 1/N) is off by 1e-4 or more.
        Assert.InRange(MeanAbsDiff(backprop.W1, numerical.W1), 0, 1e-8);
        Assert.InRange(MeanAbsDiff(backprop.b1.ToColumnMatrix(), numerical.b1.ToColumnMatrix()), 0, 1e-8);
        Assert.InRange(MeanAbsDiff(backprop.W2, numerical.W2), 0, 1e-8);
        Assert.InRange(MeanAbsDiff(backprop.b2.ToColumnMatrix(), numerical.b2.ToColumnMatrix()), 0, 1e-6);
        // And not trivially: the gradients themselves are far from zero.
        Assert.True(backprop.W2.Enumerate().Max(Math.Abs) > 1e-3);
        Assert.True(backprop.W1.Enumerate().Max(Math.Abs) > 1e-5);
    }

    [Fact]
    public void Backprop_agrees_with_the_numerical_gradient_entry_by_entry_with_one_hot_targets()
    {
        // Weights of 0.3·N(0, 1): no probability so small that the book's 1e-7 in the log shows (see above).
        var net = new TwoLayerNet(4, 5, 3, weightInitStd: 0.3, seed: 8);
        var x = Normal(6, 4, seed: 9);
        var t = Matrix<double>.Build.Dense(6, 3, (n, k) => k == n % 3 ? 1.0 : 0.0);

        var backprop = net.Gradient(x, t);
        var numerical = net.NumericalGradient(x, t);
        var checks = new[]
        {
            GradientCheck.Compare("W1", backprop.W1, numerical.W1),
            GradientCheck.Compare("b1", backprop.b1, numerical.b1),
            GradientCheck.Compare("W2", backprop.W2, numerical.W2),
            GradientCheck.Compare("b2", backprop.b2, numerical.b2),
        };
        Assert.All(checks, c => Assert.True(c.RelativeError < 1e-5, c.ToString()));
    }

    [Fact]
    public void Labels_and_one_hot_targets_give_the_same_loss_and_gradients()
    {
        var net = new TwoLayerNet(4, 5, 3, weightInitStd: 1.0, seed: 10);
        var x = Normal(6, 4, seed: 11);
        int[] labels = [2, 0, 1, 1, 2, 0];
        var t = Matrix<double>.Build.Dense(6, 3, (n, k) => k == labels[n] ? 1.0 : 0.0);

        Assert.Equal(net.Loss(x, labels), net.Loss(x, t));
        var a = net.Gradient(x, labels);
        var b = net.Gradient(x, t);
        Assert.Equal(a.W1, b.W1);
        Assert.Equal(a.b1, b.b1);
        Assert.Equal(a.W2, b.W2);
        Assert.Equal(a.b2, b.b2);
    }

    [Fact]
    public void The_numerical_gradient_restores_every_parameter()
    {
        var net = new TwoLayerNet(3, 4, 2, weightInitStd: 1.0, seed: 12);
        var before = (net.W1.Clone(), net.b1.Clone(), net.W2.Clone(), net.b2.Clone());
        net.NumericalGradient(Normal(2, 3, seed: 13), [0, 1]);
        Assert.Equal(before, (net.W1, net.b1, net.W2, net.b2));
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_another_seed_others()
    {
        var a = new TwoLayerNet(6, 4, 3, seed: 42);
        var b = new TwoLayerNet(6, 4, 3, seed: 42);
        var c = new TwoLayerNet(6, 4, 3, seed: 43);

        Assert.Equal(a.W1, b.W1);
        Assert.Equal(a.W2, b.W2);
        Assert.NotEqual(a.W1, c.W1);
        Assert.NotEqual(a.W2, c.W2);
    }

    [Fact]
    public void Weights_are_scaled_normal_draws_and_biases_zeros()
    {
        var net = new TwoLayerNet(200, 100, 10, weightInitStd: 0.05, seed: 7);
        double[] w = net.W1.Enumerate().ToArray();
        double mean = w.Average();
        double std = Math.Sqrt(w.Sum(v => (v - mean) * (v - mean)) / w.Length);

        Assert.Equal((200, 100), (net.W1.RowCount, net.W1.ColumnCount));
        Assert.Equal((100, 10), (net.W2.RowCount, net.W2.ColumnCount));
        Assert.InRange(mean, -0.002, 0.002);      // 20,000 draws: the mean's standard error is 0.05/141
        Assert.InRange(std, 0.049, 0.051);
        Assert.Equal(Vector<double>.Build.Dense(100), net.b1);
        Assert.Equal(Vector<double>.Build.Dense(10), net.b2);
    }

    [Fact]
    public void Parameters_are_the_instances_the_layers_use_in_the_books_order()
    {
        var net = new TwoLayerNet(3, 4, 2, seed: 1);

        Assert.Equal(["Affine1", "Relu1", "Affine2"], net.Layers.Select(l => l.Key));
        var affine1 = Assert.IsType<Affine>(net.Layers[0].Value);
        Assert.IsType<Relu>(net.Layers[1].Value);
        var affine2 = Assert.IsType<Affine>(net.Layers[2].Value);
        Assert.Same(net.W1, affine1.W);
        Assert.Same(net.b1, affine1.b);
        Assert.Same(net.W2, affine2.W);
        Assert.Same(net.b2, affine2.b);
        Assert.IsType<SoftmaxWithLoss>(net.LastLayer);
    }

    [Fact]
    public void An_update_in_place_changes_the_prediction()
    {
        var net = new TwoLayerNet(3, 4, 2, seed: 1);
        var x = M([1.0, 2.0, 3.0]);
        var before = net.Predict(x);

        net.b2[1] += 5;   // as the book's params['b2'][1] += 5

        MatrixAssert.Close(before + M([0.0, 5.0]), net.Predict(x), 1e-12);
    }

    [Fact]
    public void A_wrong_input_width_names_both_shapes()
    {
        var net = new TwoLayerNet(4, 3, 2, seed: 1);
        var x = Normal(2, 5, seed: 2);

        foreach (Action call in new Action[] { () => net.Predict(x), () => net.Loss(x, [0, 1]), () => net.Gradient(x, [0, 1]), () => net.Accuracy(x, [0, 1]) })
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.Contains("(2,5)", e.Message, StringComparison.Ordinal);
            Assert.Contains("(4,3)", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_label_outside_the_classes_is_named()
    {
        var net = new TwoLayerNet(4, 3, 2, seed: 1);
        var x = Normal(2, 4, seed: 2);

        foreach (int[] labels in new[] { new[] { 0, 2 }, new[] { -1, 0 } })
        {
            foreach (Action call in new Action[] { () => net.Loss(x, labels), () => net.Gradient(x, labels), () => net.Accuracy(x, labels), () => net.NumericalGradient(x, labels) })
            {
                var e = Assert.Throws<ArgumentOutOfRangeException>(call);
                Assert.Contains($"label {labels.First(l => l is < 0 or >= 2)}", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void One_hot_targets_of_the_wrong_shape_name_both_shapes()
    {
        var net = new TwoLayerNet(4, 3, 2, seed: 1);
        var x = Normal(2, 4, seed: 2);
        var t = M([1.0, 0.0, 0.0], [0.0, 1.0, 0.0]);

        var e = Assert.Throws<ArgumentException>(() => net.Accuracy(x, t));
        Assert.Contains("(2,3)", e.Message, StringComparison.Ordinal);
        Assert.Contains("(2,2)", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => net.Gradient(x, t));
        Assert.Contains("(2,3)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sizes_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerNet(0, 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerNet(3, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoLayerNet(3, 3, -1));
    }

    [Fact]
    public void Gradients_are_new_arrays_each_time()
    {
        var net = new TwoLayerNet(4, 3, 2, seed: 1);
        var x = Normal(2, 4, seed: 2);
        var first = net.Gradient(x, [0, 1]);
        var kept = first.W1.Clone();
        net.Gradient(Normal(2, 4, seed: 3), [1, 1]);

        Assert.Equal(kept, first.W1);   // a later call did not overwrite what the first returned
    }

    private static double MeanAbsDiff(Matrix<double> a, Matrix<double> b) => (a - b).Enumerate().Average(Math.Abs);
}
