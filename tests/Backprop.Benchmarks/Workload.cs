using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace Backprop.Benchmarks;

/// <summary>
/// The data of NumPy's anchor (../shared/bench/numpy_anchor.py), same shapes and distributions:
/// a batch X of 100 MNIST-sized rows (784), a 784-50-10 network with weights 0.01·N(0,1) and zero biases,
/// an upstream gradient dout ~ N(0,1) for the first Affine, and 100 labels in [0, 10).
/// </summary>
public sealed class Workload
{
    public const int Batch = 100, Inputs = 784, Hidden = 50, Classes = 10;

    public Workload(int seed = 0)
    {
        var random = new SystemRandomSource(seed);
        var normal = new Normal(0, 1, random);
        X = Matrix<double>.Build.Random(Batch, Inputs, new ContinuousUniform(0, 1, random));
        W1 = 0.01 * Matrix<double>.Build.Random(Inputs, Hidden, normal);
        b1 = Vector<double>.Build.Dense(Hidden);
        W2 = 0.01 * Matrix<double>.Build.Random(Hidden, Classes, normal);
        b2 = Vector<double>.Build.Dense(Classes);
        Dout = Matrix<double>.Build.Random(Batch, Hidden, normal);
        Labels = Enumerable.Range(0, Batch).Select(_ => random.Next(Classes)).ToArray();
    }

    public Matrix<double> X { get; }
    public Matrix<double> W1 { get; }
    public Vector<double> b1 { get; }
    public Matrix<double> W2 { get; }
    public Vector<double> b2 { get; }
    public Matrix<double> Dout { get; }
    public int[] Labels { get; }
}
