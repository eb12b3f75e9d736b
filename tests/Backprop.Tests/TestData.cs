using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Tests;

/// <summary>Matrices for the tests: literals that read like NumPy's, and reproducible random ones.</summary>
internal static class TestData
{
    /// <summary>A matrix from its rows, like <c>np.array([[1, 2], [3, 4]])</c>.</summary>
    public static Matrix<double> M(params double[][] rows) => Matrix<double>.Build.DenseOfRowArrays(rows);

    /// <summary>A vector, like <c>np.array([1, 2])</c>.</summary>
    public static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    /// <summary>Standard normal entries from a fixed seed, so every run checks the same numbers.</summary>
    public static Matrix<double> Normal(int rows, int columns, int seed) =>
        Matrix<double>.Build.Random(rows, columns, new Normal(0, 1, new Random(seed)));

    /// <summary>Standard normal entries from a fixed seed.</summary>
    public static Vector<double> NormalVector(int count, int seed) =>
        Vector<double>.Build.Random(count, new Normal(0, 1, new Random(seed)));

    /// <summary>
    /// Entries in ±[0.5, 1.5] with random signs: an upstream gradient with no entry near zero, so every
    /// entry of the gradient it produces is large enough for a relative error to mean something.
    /// </summary>
    public static Matrix<double> AwayFromZero(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(
            rows, columns, (_, _) => (random.Next(2) == 0 ? -1 : 1) * (0.5 + random.NextDouble()));
    }

    /// <summary>
    /// L = Σ y ⊙ dout, the scalar whose gradient with respect to y is exactly dout. Differentiating it
    /// numerically tests a layer's Backward(dout) without needing a real loss behind the layer.
    /// </summary>
    public static double Weighted(Matrix<double> y, Matrix<double> dout) => y.PointwiseMultiply(dout).Enumerate().Sum();
}
