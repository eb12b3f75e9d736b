using Backprop.Notebooks.Grading;
using Backprop.Notebooks.Resources;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Notebooks;

public static partial class Grader
{
    private static MatrixBuilder<double> M => Matrix<double>.Build;

    /// <summary>
    /// 5.5: a ReLU layer: Forward is max(0, x) and leaves its x as it was; at x = 0 nothing passes (the mask is x ≤ 0); Backward leaves its
    /// dout as it was; and Backward agrees with the numerical gradient away from the kink.
    /// </summary>
    public static void ReluLayer(int exercise, Func<ILayer> newLayer)
    {
        ArgumentNullException.ThrowIfNull(newLayer);
        ExerciseRun.Grade(exercise, Exercises.ReluLayerPassed, run =>
        {
            var x = M.DenseOfArray(new double[,] { { -2, 0, 0.5, 3 }, { 1.5, -0.3, -4, 2 } });
            var dout = M.DenseOfArray(new double[,] { { 1, 2, 3, 4 }, { 5, 6, 7, 8 } });
            var doutBefore = dout.Clone();
            // The expected values come from a copy: a Forward that zeroes its own input would otherwise agree with
            // max(0, x) of the x it has just changed, and the later check would blame Backward.
            var xBefore = x.Clone();
            var layer = ExerciseRun.Call("MyRelu", Exercises.ReluLayerThrew, newLayer);
            var y = ExerciseRun.Call("Forward", Exercises.ReluLayerThrew, () => layer.Forward(x));
            if (!x.Equals(xBefore))
            {
                run.Problem(Exercises.ReluChangedInput);
                return;
            }

            var expected = xBefore.Map(v => Math.Max(0, v));
            if (!SameShape(y, expected) || !y.Equals(expected))
            {
                run.Problem(Exercises.ReluForwardWrong, NumPy.Format(y), NumPy.Format(expected));
                return;
            }

            var dx = ExerciseRun.Call("Backward", Exercises.ReluLayerThrew, () => layer.Backward(dout));
            if (!dout.Equals(doutBefore))
            {
                run.Problem(Exercises.ReluChangedDout);
            }

            if (!SameShape(dx, x))
            {
                run.Problem(Exercises.ShapeWrong, "dx", Shapes.Of(dx), "x", Shapes.Of(x));
                return;
            }

            if (dx[0, 1] != 0)
            {
                run.Problem(Exercises.ReluAtZero, dx[0, 1]);
            }

            // Away from the kink, where the derivative exists.
            var away = M.DenseOfArray(new double[,] { { -2, 0.5, 3 }, { 1.5, -0.3, -4 } });
            var g = M.DenseOfArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
            var result = CheckLayer("dx", layer, away, g, Exercises.ReluLayerThrew);
            if (!result.Passed)
            {
                run.Problem(Exercises.ReluBackwardWrong, result.RelativeError);
            }
        });
    }

    /// <summary>5.5: a tanh layer: Forward against Math.Tanh and Backward against the numerical gradient, at random x.</summary>
    public static void TanhLayer(int exercise, Func<ILayer> newLayer)
    {
        ArgumentNullException.ThrowIfNull(newLayer);
        ExerciseRun.Grade(exercise, Exercises.TanhLayerPassed, run =>
        {
            var normal = new Normal(0, 1, new Random(7));
            var x = M.Random(3, 4, normal);
            var g = M.Random(3, 4, normal);
            var layer = ExerciseRun.Call("MyTanh", Exercises.TanhLayerThrew, newLayer);
            var y = ExerciseRun.Call("Forward", Exercises.TanhLayerThrew, () => layer.Forward(x));
            var expected = x.Map(Math.Tanh);
            if (!SameShape(y, expected) || (y - expected).Enumerate().Max(Math.Abs) > 1e-12)
            {
                run.Problem(Exercises.TanhForwardWrong);
                return;
            }

            var result = CheckLayer("dx", layer, x, g, Exercises.TanhLayerThrew);
            if (!result.Passed)
            {
                run.Problem(Exercises.TanhBackwardWrong, result.RelativeError);
            }
        });
    }

    /// <summary>
    /// The standard layer check: Backward of g after Forward of x, against the numerical gradient of Σ Forward(x) ⊙ g,
    /// whose upstream gradient is exactly g. Shape mismatches are the student's, and say so.
    /// </summary>
    private static GradientCheckResult CheckLayer(string name, ILayer layer, Matrix<double> x, Matrix<double> g, string threw)
    {
        ExerciseRun.Call("Forward", threw, () => layer.Forward(x));
        var dx = ExerciseRun.Call("Backward", threw, () => layer.Backward(g.Clone()));
        var numerical = NumericalGradient.Of(() => ExerciseRun.Call("Forward", threw, () => layer.Forward(x)).PointwiseMultiply(g).Enumerate().Sum(), x);
        return SameShape(dx, x)
            ? GradientCheck.Compare(name, dx, numerical)
            : new GradientCheckResult(name, double.PositiveInfinity, 1);
    }

    private static bool SameShape(Matrix<double> a, Matrix<double> b) => a.RowCount == b.RowCount && a.ColumnCount == b.ColumnCount;
}
