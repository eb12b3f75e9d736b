using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Tests.TestData;

namespace Backprop.Tests;

/// <summary>
/// Softmax and cross-entropy against the book's printed values; the full digits were computed
/// independently in plain Python (math.exp, math.log) following the book's code.
/// </summary>
public class FunctionsTests
{
    [Fact]
    public void Softmax_gives_the_books_values()
    {
        // Chapter 3: softmax(np.array([0.3, 2.9, 4.0])) = [0.01821127 0.24519181 0.73659691].
        var y = Functions.Softmax(V(0.3, 2.9, 4.0));
        Assert.Equal(0.01821127329554753, y[0], 1e-12);
        Assert.Equal(0.24519181293507392, y[1], 1e-12);
        Assert.Equal(0.7365969137693786, y[2], 1e-12);
    }

    [Fact]
    public void Softmax_of_equal_scores_is_a_third_everywhere()
    {
        var y = Functions.Softmax(M([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]));
        Assert.All(y.Enumerate(), p => Assert.Equal(1.0 / 3.0, p, 1e-15));
    }

    [Fact]
    public void Softmax_of_huge_logits_stays_finite()
    {
        // Without subtracting the max, exp(1000) = ∞ and every entry would be ∞/∞ = NaN.
        var y = Functions.Softmax(V(1000.0, 1001.0, 1002.0));
        Assert.Equal(0.09003057317038046, y[0], 1e-12);
        Assert.Equal(0.24472847105479764, y[1], 1e-12);
        Assert.Equal(0.6652409557748218, y[2], 1e-12);
    }

    [Fact]
    public void Softmax_of_a_matrix_works_row_by_row_each_with_its_own_max()
    {
        var y = Functions.Softmax(M([1000.0, 1001.0, 1002.0], [0.3, 2.9, 4.0]));
        Assert.Equal(Functions.Softmax(V(1000.0, 1001.0, 1002.0)), y.Row(0));
        Assert.Equal(Functions.Softmax(V(0.3, 2.9, 4.0)), y.Row(1));
    }

    [Fact]
    public void Cross_entropy_gives_the_books_values()
    {
        // Chapter 4: the right class is 2; y gives it 0.6, y2 only 0.1.
        var t = V(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
        var y = V(0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0);
        var y2 = V(0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0);

        Assert.Equal(0.510825457099338, Functions.CrossEntropyError(y, t), 1e-12);
        Assert.Equal(2.302584092994546, Functions.CrossEntropyError(y2, t), 1e-12);
        Assert.Equal(0.510825457099338, Functions.CrossEntropyError(y, 2), 1e-12);
        Assert.Equal(2.302584092994546, Functions.CrossEntropyError(y2, 2), 1e-12);
    }

    [Fact]
    public void Cross_entropy_of_a_zero_probability_is_finite_thanks_to_the_delta()
    {
        // −log(0 + 1e-7) = 7·ln 10.
        Assert.Equal(7 * Math.Log(10), Functions.CrossEntropyError(V(1.0, 0.0), 1), 1e-12);
    }

    [Fact]
    public void Cross_entropy_of_a_batch_is_the_mean_over_rows_and_one_hot_equals_labels()
    {
        var y = M([0.1, 0.9], [0.8, 0.2]);
        double expected = -(Math.Log(0.9 + 1e-7) + Math.Log(0.8 + 1e-7)) / 2;
        Assert.Equal(expected, Functions.CrossEntropyError(y, [1, 0]), 1e-15);
        Assert.Equal(Functions.CrossEntropyError(y, [1, 0]), Functions.CrossEntropyError(y, M([0.0, 1.0], [1.0, 0.0])));
    }

    [Fact]
    public void Cross_entropy_rejects_labels_outside_the_classes_and_mismatched_shapes()
    {
        var y = M([0.5, 0.5]);
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => Functions.CrossEntropyError(y, [2]));
        Assert.Contains("label 2", outOfRange.Message);
        Assert.Contains("[0, 2)", outOfRange.Message);

        var mismatch = Assert.Throws<ArgumentException>(() => Functions.CrossEntropyError(y, M([1.0, 0.0, 0.0])));
        Assert.Contains("(1,2)", mismatch.Message);
        Assert.Contains("(1,3)", mismatch.Message);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Functions.Softmax((Vector<double>)null!));
        Assert.Throws<ArgumentNullException>(() => Functions.Softmax((Matrix<double>)null!));
        Assert.Throws<ArgumentNullException>(() => Functions.CrossEntropyError(M([1.0]), (int[])null!));
        Assert.Throws<ArgumentNullException>(() => Functions.CrossEntropyError(null!, M([1.0])));
    }

    [Property]
    public Property Softmax_rows_sum_to_one_and_ignore_a_constant_added_to_a_row()
    {
        // Scores in [−1000, 1000] in halves and shifts in quarters: exactly representable (so shifting
        // loses nothing), and large enough to overflow exp without the max subtraction.
        var batches =
            from columns in Gen.Choose(1, 10)
            from scores in Gen.Choose(-2000, 2000).Select(v => v / 2.0).ArrayOf(3 * columns)
            from shifts in Gen.Choose(-4000, 4000).Select(v => v / 4.0).ArrayOf(3)
            select (x: Matrix<double>.Build.Dense(3, columns, scores), shifts);

        return Prop.ForAll(batches.ToArbitrary(), batch =>
        {
            var y = Functions.Softmax(batch.x);
            var yShifted = Functions.Softmax(batch.x.MapIndexed((i, _, v) => v + batch.shifts[i]));

            bool rowsSumToOne = y.RowSums().All(s => Math.Abs(s - 1) < 1e-12);
            bool invariant = (y - yShifted).Enumerate().All(d => Math.Abs(d) < 1e-15);
            return rowsSumToOne && invariant;
        });
    }
}
