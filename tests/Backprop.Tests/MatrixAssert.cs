using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Tests;

/// <summary>Entrywise comparison with a tolerance, for values computed independently elsewhere.</summary>
internal static class MatrixAssert
{
    public static void Close(Matrix<double> expected, Matrix<double> actual, double tolerance)
    {
        Assert.Equal(Shapes.Of(expected), Shapes.Of(actual));
        for (int i = 0; i < expected.RowCount; i++)
        {
            for (int j = 0; j < expected.ColumnCount; j++)
            {
                Assert.Equal(expected[i, j], actual[i, j], tolerance);
            }
        }
    }
}
