using Backprop.Notebooks.Grading;
using Backprop.Notebooks.Resources;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Notebooks;

public static partial class Grader
{
    // The relative gap the book's δ leaves between the numerical and the backprop gradient (5.6): 10⁻⁵ passes it.
    private const double DeltaTolerance = 1e-5;

    /// <summary>
    /// 5.7: a backward loop over any list of layers, on Affine → Sigmoid → Affine → Softmax-with-Loss: the dW and db
    /// it leaves in both Affine layers and the gradient it returns for the input, against numerical gradients.
    /// </summary>
    public static void BackwardThroughLayers(int exercise, Func<IReadOnlyList<ILayer>, SoftmaxWithLoss, Matrix<double>> backwardThrough)
    {
        ArgumentNullException.ThrowIfNull(backwardThrough);
        ExerciseRun.Grade(exercise, Exercises.BackwardThroughPassed, run =>
        {
            var normal = new Normal(0, 1, new Random(71));
            var x = M.Random(5, 6, normal);
            int[] t = [0, 2, 1, 2, 0];
            var layer1 = new Affine(0.5 * M.Random(6, 4, normal), 0.1 * Vector<double>.Build.Random(4, normal));
            var layer2 = new Affine(0.5 * M.Random(4, 3, normal), 0.1 * Vector<double>.Build.Random(3, normal));
            var layers = new ILayer[] { layer1, new Sigmoid(), layer2 };
            var last = new SoftmaxWithLoss();
            double Loss()
            {
                var h = x;
                foreach (var layer in layers)
                {
                    h = layer.Forward(h);
                }

                return last.Forward(h, t);
            }

            string threw = Exercises.BackwardThroughThrew;
            Loss();
            var dx = ExerciseRun.Call("BackwardThrough", threw, () => backwardThrough(layers, last));
            var (dW1, db1, dW2, db2) = ExerciseRun.Call("BackwardThrough", Exercises.BackwardThroughSkipped, () => (layer1.dW, layer1.db, layer2.dW, layer2.db));
            if (!SameShape(dx, x))
            {
                run.Problem(Exercises.BackwardThroughReturned, Shapes.Of(dx), Shapes.Of(x));
                return;
            }

            var results = new[]
            {
                GradientCheck.Compare("W1", dW1, NumericalGradient.Of(Loss, layer1.W)),
                GradientCheck.Compare("b1", db1, NumericalGradient.Of(Loss, layer1.b)),
                GradientCheck.Compare("W2", dW2, NumericalGradient.Of(Loss, layer2.W)),
                GradientCheck.Compare("b2", db2, NumericalGradient.Of(Loss, layer2.b)),
                GradientCheck.Compare("x", dx, NumericalGradient.Of(Loss, x)),
            };
            var wrong = results.Where(r => r.RelativeError >= DeltaTolerance).Select(r => r.Parameter).ToList();
            if (wrong.Count > 0)
            {
                run.Problem(Exercises.BackwardThroughWrong, string.Join(", ", wrong));
            }
        });
    }

    /// <summary>
    /// 5.7: the layers of a three-layer network on given parameters: their kinds and order, that the Affine layers
    /// hold the very W1, W2, W3 given, W2's gradient against the numerical one, and that 40 epochs of SGD on the
    /// digits (the library's own backward loop) recognise at least 90% of the test digits.
    /// </summary>
    public static void ThreeLayerNetwork(
        int exercise,
        Func<Matrix<double>, Vector<double>, Matrix<double>, Vector<double>, Matrix<double>, Vector<double>, IReadOnlyList<ILayer>> threeLayers)
    {
        ArgumentNullException.ThrowIfNull(threeLayers);
        ExerciseRun.Grade(exercise, Exercises.ThreeLayersPassed, run =>
        {
            var (train, test) = Digits.Load().StratifiedSplit(testFraction: 0.25, seed: 0);
            var normal = new Normal(0, 1, new Random(72));
            Matrix<double> Weights(int rows, int columns) => 0.1 * M.Random(rows, columns, normal);
            var (W1, b1, W2, b2, W3, b3) = (Weights(train.X.ColumnCount, 30), Vector<double>.Build.Dense(30), Weights(30, 20),
                                            Vector<double>.Build.Dense(20), Weights(20, 10), Vector<double>.Build.Dense(10));
            string threw = Exercises.ThreeLayersThrew;
            var layers = ExerciseRun.Call("ThreeLayers", threw, () => threeLayers(W1, b1, W2, b2, W3, b3));
            string kinds = string.Join(" ", layers.Select(l => l.GetType().Name));
            var affines = layers.OfType<Affine>().ToArray();
            if (kinds != "Affine Relu Affine Relu Affine")
            {
                run.Problem(Exercises.ThreeLayersKinds, kinds);
                return;
            }

            if (!ReferenceEquals(affines[0].W, W1) || !ReferenceEquals(affines[1].W, W2) || !ReferenceEquals(affines[2].W, W3)
                || !ReferenceEquals(affines[0].b, b1) || !ReferenceEquals(affines[1].b, b2) || !ReferenceEquals(affines[2].b, b3))
            {
                run.Problem(Exercises.ThreeLayersParameters);
                return;
            }

            var last = new SoftmaxWithLoss();
            Matrix<double> Scores(Matrix<double> x) => ExerciseRun.Call("Forward", threw, () => layers.Aggregate(x, (h, layer) => layer.Forward(h)));
            void Backward() => ExerciseRun.Call("Backward", threw, () =>
            {
                var dout = last.Backward();
                for (int i = layers.Count - 1; i >= 0; i--)
                {
                    dout = layers[i].Backward(dout);
                }

                return dout;
            });

            var x3 = train.X.SubMatrix(0, 3, 0, train.X.ColumnCount);
            int[] t3 = train.Labels[..3];
            double Loss() => last.Forward(Scores(x3), t3);
            Loss();
            Backward();
            var check = GradientCheck.Compare("W2", affines[1].dW, NumericalGradient.Of(Loss, W2)) with { Tolerance = DeltaTolerance };
            if (!check.Passed)
            {
                run.Problem(Exercises.ThreeLayersGradient, check.RelativeError);
                return;
            }

            const int epochs = 40, batchSize = 100;
            var sgd = new Sgd(0.5);
            var random = new Random(0);
            int iterations = epochs * Math.Max(train.Count / batchSize, 1);
            for (int i = 0; i < iterations; i++)
            {
                var batch = train.Rows(Enumerable.Range(0, batchSize).Select(_ => random.Next(train.Count)).ToArray());
                last.Forward(Scores(batch.X), batch.Labels);
                Backward();
                foreach (var affine in affines)
                {
                    sgd.Update(affine.W, affine.dW);
                    sgd.Update(affine.b, affine.db);
                }
            }

            var scores = Scores(test.X);
            double accuracy = Enumerable.Range(0, test.Count).Count(n => scores.Row(n).MaximumIndex() == test.Labels[n]) / (double)test.Count;
            if (accuracy < 0.9)
            {
                run.Problem(Exercises.ThreeLayersAccuracy, epochs, accuracy);
            }
            else
            {
                run.Note(Exercises.ThreeLayersAccuracyReached, epochs, accuracy);
            }
        });
    }
}
