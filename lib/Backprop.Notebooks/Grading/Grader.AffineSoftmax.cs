using Backprop.Notebooks.Grading;
using Backprop.Notebooks.Resources;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Notebooks;

public static partial class Grader
{
    /// <summary>
    /// 5.6: an Affine layer's Backward: dx, dW and db each with the shape of what it differentiates, then each
    /// against central differences of Σ Forward(x) ⊙ g on a random batch.
    /// </summary>
    /// <param name="exercise">The exercise's number in its notebook.</param>
    /// <param name="newLayer">A layer holding the W and b it is given: <c>(W, b) => new MyAffine(W, b)</c>.</param>
    /// <param name="gradients">What Backward set: <c>layer => (layer.dW, layer.db)</c>.</param>
    public static void AffineBackward<TLayer>(int exercise, Func<Matrix<double>, Vector<double>, TLayer> newLayer, Func<TLayer, (Matrix<double> dW, Vector<double> db)> gradients)
        where TLayer : ILayer
    {
        ArgumentNullException.ThrowIfNull(newLayer);
        ArgumentNullException.ThrowIfNull(gradients);
        ExerciseRun.Grade(exercise, Exercises.AffineBackwardPassed, run =>
        {
            var normal = new Normal(0, 1, new Random(11));
            var x = M.Random(5, 3, normal);
            var W = M.Random(3, 4, normal);
            var b = Vector<double>.Build.Random(4, normal);
            var g = M.Random(5, 4, normal);
            string threw = Exercises.AffineBackwardThrew;
            var layer = ExerciseRun.Call("MyAffine", threw, () => newLayer(W, b));
            ExerciseRun.Call("Forward", threw, () => layer.Forward(x));
            var dx = ExerciseRun.Call("Backward", threw, () => layer.Backward(g));
            var (dW, db) = ExerciseRun.Call("Backward", threw, () => gradients(layer));

            if (!SameShape(dx, x))
            {
                run.Problem(Exercises.ShapeWrong, "dx", Shapes.Of(dx), "x", Shapes.Of(x));
            }

            if (!SameShape(dW, W))
            {
                run.Problem(Exercises.ShapeWrong, "dW", Shapes.Of(dW), "W", Shapes.Of(W));
            }

            if (db.Count != b.Count)
            {
                run.Problem(Exercises.ShapeWrong, "db", Shapes.Of(db), "b", Shapes.Of(b));
            }

            if (run.HasProblems)
            {
                return;
            }

            double Loss() => ExerciseRun.Call("Forward", threw, () => layer.Forward(x)).PointwiseMultiply(g).Enumerate().Sum();
            var checks = new (GradientCheckResult Result, string Hint)[]
            {
                (GradientCheck.Compare("dx", dx, NumericalGradient.Of(Loss, x)), Exercises.AffineDxHint),
                (GradientCheck.Compare("dW", dW, NumericalGradient.Of(Loss, W)), Exercises.AffineDwHint),
                (GradientCheck.Compare("db", db, NumericalGradient.Of(Loss, b)), Exercises.AffineDbHint),
            };
            foreach (var (result, hint) in checks.Where(c => !c.Result.Passed))
            {
                run.Problem(Exercises.GradientWrong, result.Parameter, result.RelativeError, hint);
            }
        });
    }

    /// <summary>
    /// 5.6: softmax of each row, against the library's <see cref="Functions.Softmax(Matrix{double})"/>, on random
    /// scores, on huge scores and on rows far apart in one batch.
    /// </summary>
    public static void RowSoftmax(int exercise, Func<Matrix<double>, Matrix<double>> softmax)
    {
        ArgumentNullException.ThrowIfNull(softmax);
        ExerciseRun.Grade(exercise, Exercises.RowSoftmaxPassed, run =>
        {
            var cases = new (string Name, Matrix<double> Scores)[]
            {
                (Exercises.RowSoftmaxRandomScores, M.Random(4, 5, new Normal(0, 3, new Random(12)))),
                (Exercises.RowSoftmaxHugeScores, M.DenseOfArray(new double[,] { { 1010, 1000, 990 } })),
                (Exercises.RowSoftmaxRowsFarApart, M.DenseOfArray(new double[,] { { 1000, 1001, 1002 }, { 0, 1, 2 }, { -1000, -999, -998 } })),
            };
            foreach (var (name, scores) in cases)
            {
                var yours = ExerciseRun.Call("MySoftmax", Exercises.RowSoftmaxThrew, () => softmax(scores));
                var expected = Functions.Softmax(scores);
                if (!SameShape(yours, expected))
                {
                    run.Problem(Exercises.RowSoftmaxShapeWrong, name, Shapes.Of(yours), Shapes.Of(expected));
                }
                else if (yours.Enumerate().Any(v => !double.IsFinite(v)))
                {
                    run.Problem(Exercises.RowSoftmaxNotFinite, name, NumPy.Format(yours));
                }
                else if ((yours - expected).Enumerate().Max(Math.Abs) > 1e-12)
                {
                    run.Problem(Exercises.RowSoftmaxWrong, name, NumPy.Format(yours), NumPy.Format(expected));
                }
            }
        });
    }

    /// <summary>
    /// 5.6: the identity output with the sum-of-squares loss averaged over the batch: Backward() against central
    /// differences of Forward, and Backward(dout) scaling by dout.
    /// </summary>
    /// <param name="exercise">The exercise's number in its notebook.</param>
    /// <param name="newLayer">A fresh layer's Forward and Backward: <c>() => { var l = new IdentityWithLoss(); return (l.Forward, l.Backward); }</c>.</param>
    public static void IdentityWithLossBackward(int exercise, Func<(Func<Matrix<double>, Matrix<double>, double> Forward, Func<double, Matrix<double>> Backward)> newLayer)
    {
        ArgumentNullException.ThrowIfNull(newLayer);
        ExerciseRun.Grade(exercise, Exercises.IdentityWithLossPassed, run =>
        {
            var x = M.Random(4, 3, new Normal(0, 1, new Random(13)));
            var t = M.Random(4, 3, new Normal(0, 1, new Random(14)));
            string threw = Exercises.IdentityWithLossThrew;
            var layer = ExerciseRun.Call("IdentityWithLoss", threw, newLayer);
            ExerciseRun.Call("Forward", threw, () => layer.Forward(x, t));
            var dx = ExerciseRun.Call("Backward", threw, () => layer.Backward(1));
            if (!SameShape(dx, x))
            {
                run.Problem(Exercises.ShapeWrong, "dx", Shapes.Of(dx), "x", Shapes.Of(x));
                return;
            }

            var numerical = NumericalGradient.Of(() => ExerciseRun.Call("Forward", threw, () => newLayer().Forward(x, t)), x);
            var result = GradientCheck.Compare("dx", dx, numerical);
            if (!result.Passed)
            {
                run.Problem(Exercises.IdentityWithLossWrong, result.RelativeError);
                return;
            }

            var twice = ExerciseRun.Call("Backward", threw, () => layer.Backward(2));
            if (!SameShape(twice, x) || !GradientCheck.Compare("dx", twice, 2 * numerical).Passed)
            {
                run.Problem(Exercises.IdentityWithLossDout);
            }
        });
    }
}
