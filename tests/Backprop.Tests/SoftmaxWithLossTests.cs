using MathNet.Numerics.LinearAlgebra;
using static Backprop.Tests.TestData;

namespace Backprop.Tests;

public class SoftmaxWithLossTests
{
    // Expected values computed independently in plain Python (math.exp, math.log, left-to-right sums),
    // following the book's softmax and cross_entropy_error line by line.
    private static readonly double[][] Scores = [[0.3, 2.9, 4.0], [1.0, 2.0, 3.0]];
    private static readonly int[] Labels = [2, 0];

    [Fact]
    public void Forward_gives_the_books_loss_and_probabilities()
    {
        var layer = new SoftmaxWithLoss();
        double loss = layer.Forward(M(Scores), Labels);

        Assert.Equal(1.3566595913821025, loss, 1e-12);
        Assert.Equal(loss, layer.Loss);
        var expectedY = M(
            [0.01821127329554753, 0.24519181293507392, 0.7365969137693786],
            [0.09003057317038046, 0.24472847105479764, 0.6652409557748218]);
        MatrixAssert.Close(expectedY, layer.Y, 1e-12);
    }

    [Fact]
    public void Backward_is_y_minus_t_over_the_batch_size()
    {
        var layer = new SoftmaxWithLoss();
        layer.Forward(M(Scores), Labels);
        var expected = M(
            [0.009105636647773765, 0.12259590646753696, -0.13170154311531068],
            [-0.4549847134148098, 0.12236423552739882, 0.3326204778874109]);
        MatrixAssert.Close(expected, layer.Backward(), 1e-12);
    }

    [Fact]
    public void Backward_honours_dout_by_the_chain_rule()
    {
        var layer = new SoftmaxWithLoss();
        layer.Forward(Normal(3, 4, seed: 20), [0, 3, 1]);
        MatrixAssert.Close(layer.Backward() * 2.5, layer.Backward(2.5), 1e-15);
    }

    [Fact]
    public void One_hot_and_label_targets_give_the_same_loss_and_gradient()
    {
        var x = Normal(5, 4, seed: 21);
        int[] labels = [3, 0, 1, 3, 2];
        var oneHot = Matrix<double>.Build.Dense(5, 4, (n, k) => k == labels[n] ? 1.0 : 0.0);

        var byLabel = new SoftmaxWithLoss();
        var byOneHot = new SoftmaxWithLoss();
        double lossByLabel = byLabel.Forward(x, labels);
        double lossByOneHot = byOneHot.Forward(x, oneHot);

        Assert.Equal(lossByLabel, lossByOneHot);
        Assert.Equal(byLabel.Backward(), byOneHot.Backward());
    }

    [Fact]
    public void Backward_agrees_with_the_numerical_gradient_of_the_exact_loss()
    {
        // Without the book's 1e-7, the loss of row n is log Σₖ exp(xₙₖ) − xₙ,labelₙ (log-sum-exp),
        // written here independently of the layer; (y − t)/N is exactly its gradient.
        var x = Normal(4, 5, seed: 22);
        int[] labels = [1, 4, 0, 2];
        var layer = new SoftmaxWithLoss();
        layer.Forward(x, labels);
        var dx = layer.Backward();

        double ExactLoss() => Enumerable.Range(0, x.RowCount)
            .Average(n => Math.Log(x.Row(n).Enumerate().Sum(Math.Exp)) - x[n, labels[n]]);
        var numerical = NumericalGradient.Of(ExactLoss, x);

        var check = GradientCheck.Compare("x", dx, numerical);
        Assert.True(check.RelativeError < 1e-7, check.ToString());
    }

    [Fact]
    public void Backward_agrees_with_the_numerical_gradient_of_Forward_for_confident_predictions()
    {
        // Forward's loss has the book's δ = 1e-7 inside the log, so its exact gradient is
        // yₜ/(yₜ + δ) · (y − t)/N: backprop's (y − t)/N is off by a relative δ/(2yₜ). That is below 1e-7
        // once the right class has probability over ½; boosting its score by 6 makes it so.
        int[] labels = [1, 4, 0, 2];
        var x = Normal(4, 5, seed: 23).MapIndexed((n, k, v) => k == labels[n] ? v + 6 : v);
        var layer = new SoftmaxWithLoss();
        layer.Forward(x, labels);
        var dx = layer.Backward();
        Assert.All(Enumerable.Range(0, 4), n => Assert.True(layer.Y[n, labels[n]] > 0.5));

        var numerical = NumericalGradient.Of(() => new SoftmaxWithLoss().Forward(x, labels), x);

        var check = GradientCheck.Compare("x", dx, numerical);
        Assert.True(check.RelativeError < 1e-7, check.ToString());
    }

    [Fact]
    public void The_books_delta_is_what_separates_backprop_from_Forward_for_unsure_predictions()
    {
        // A single sample whose right class has probability ¼: numerical/backprop = y/(y + δ) exactly.
        var x = M([0.0, 0.0, 0.0, 0.0]);
        var layer = new SoftmaxWithLoss();
        layer.Forward(x, [2]);
        var dx = layer.Backward();
        var numerical = NumericalGradient.Of(() => new SoftmaxWithLoss().Forward(x, [2]), x);

        double expectedRatio = 0.25 / (0.25 + Functions.Delta);
        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(expectedRatio, numerical[0, k] / dx[0, k], 1e-8));
    }

    [Fact]
    public void Forward_leaves_the_callers_arrays_alone()
    {
        var x = M([1.0, 2.0], [3.0, 4.0]);
        var t = M([0.0, 1.0], [1.0, 0.0]);
        int[] labels = [1, 0];
        var layer = new SoftmaxWithLoss();
        layer.Forward(x, t);
        layer.Backward();
        layer.Forward(x, labels);
        layer.Backward();

        Assert.Equal(M([1.0, 2.0], [3.0, 4.0]), x);
        Assert.Equal(M([0.0, 1.0], [1.0, 0.0]), t);
        Assert.Equal([1, 0], labels);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void A_label_outside_the_classes_is_named_with_the_range(int label)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new SoftmaxWithLoss().Forward(Normal(2, 3, seed: 23), [0, label]));
        Assert.Contains($"label {label}", error.Message);
        Assert.Contains("[0, 3)", error.Message);
        // The sentence names the label; .NET's English "(Parameter …)" and "Actual value was …" would follow it
        // into a Korean or Japanese message, so the library leaves ParamName and ActualValue unset.
        Assert.DoesNotContain("Actual value", error.Message);
        Assert.DoesNotContain("Parameter", error.Message);
    }

    [Fact]
    public void Labels_that_do_not_match_the_batch_name_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new SoftmaxWithLoss().Forward(Normal(2, 3, seed: 24), [0, 1, 2]));
        Assert.Contains("(3,)", error.Message);
        Assert.Contains("(2,3)", error.Message);
    }

    [Fact]
    public void One_hot_targets_of_another_shape_name_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new SoftmaxWithLoss().Forward(Normal(2, 3, seed: 25), Normal(2, 4, seed: 26)));
        Assert.Contains("(2,3)", error.Message);
        Assert.Contains("(2,4)", error.Message);
    }

    [Fact]
    public void Backward_before_Forward_says_so()
    {
        var layer = new SoftmaxWithLoss();
        var error = Assert.Throws<InvalidOperationException>(() => layer.Backward());
        Assert.Contains("before Forward", error.Message);
        Assert.Throws<InvalidOperationException>(() => layer.Y);
        Assert.Throws<InvalidOperationException>(() => layer.Loss);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var layer = new SoftmaxWithLoss();
        Assert.Throws<ArgumentNullException>(() => layer.Forward(null!, [0]));
        Assert.Throws<ArgumentNullException>(() => layer.Forward(M([1.0]), (int[])null!));
        Assert.Throws<ArgumentNullException>(() => layer.Forward(null!, M([1.0])));
        Assert.Throws<ArgumentNullException>(() => layer.Forward(M([1.0]), (Matrix<double>)null!));
    }
}
