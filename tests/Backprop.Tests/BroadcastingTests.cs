using System.Numerics.Tensors;

namespace Backprop.Tests;

/// <summary>The seeds' broadcasting experiments (section 5.6), with values checked, not only shapes.</summary>
public class BroadcastingTests
{
    // a[i,j,k] = 100i + 10j + k, so every entry says where it came from.
    private static readonly Tensor<double> A = Tensor.Create(
        Enumerable.Range(0, 24).Select(n => 100.0 * (n / 8) + 10.0 * (n / 4 % 2) + n % 4).ToArray(), [3, 2, 4]);

    [Fact]
    public void Adding_a_row_of_4_adds_it_to_every_row()
    {
        var b = Tensor.Create([1.0, 2.0, 3.0, 4.0], [4]);
        var c = Broadcasting.Add(A, b);

        Assert.Equal([3, 2, 4], c.Lengths.ToArray());
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                for (int k = 0; k < 4; k++)
                {
                    Assert.Equal(100.0 * i + 10 * j + k + (k + 1), c[[i, j, k]]);
                }
            }
        }
    }

    [Fact]
    public void Multiplying_by_a_2_by_1_column_scales_each_of_the_2_rows()
    {
        var b = Tensor.Create([2.0, -1.0], [2, 1]);
        var d = Broadcasting.Multiply(A, b);

        Assert.Equal([3, 2, 4], d.Lengths.ToArray());
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                for (int k = 0; k < 4; k++)
                {
                    Assert.Equal((100.0 * i + 10 * j + k) * (j == 0 ? 2 : -1), d[[i, j, k]]);
                }
            }
        }
    }

    [Fact]
    public void Both_operands_can_stretch()
    {
        // (3,1) + (1,4) → (3,4): an addition table.
        var column = Tensor.Create([0.0, 10.0, 20.0], [3, 1]);
        var row = Tensor.Create([1.0, 2.0, 3.0, 4.0], [1, 4]);
        var table = Broadcasting.Add(column, row);

        double[] flat = new double[12];
        table.FlattenTo(flat);
        Assert.Equal([3, 4], table.Lengths.ToArray());
        Assert.Equal([1.0, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24], flat);
    }

    [Fact]
    public void A_leading_dimension_of_1_is_stretched_too()
    {
        // (3,2,4) + (1,2,4): the same 2×4 block added to each of the 3 blocks. (The tensor library's own
        // Tensor.Add returns shape (1,2,4) here in 10.0.14, cf. dotnet/runtime#125530: one more reason
        // to apply the rule ourselves.)
        var b = Tensor.Create(Enumerable.Range(0, 8).Select(v => 1000.0 * v).ToArray(), [1, 2, 4]);
        var c = Broadcasting.Add(A, b);

        Assert.Equal([3, 2, 4], c.Lengths.ToArray());
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                for (int k = 0; k < 4; k++)
                {
                    Assert.Equal(100.0 * i + 10 * j + k + 1000 * (4 * j + k), c[[i, j, k]]);
                }
            }
        }
    }

    [Theory]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 2, 1 })]
    [InlineData(new[] { 2, 4 })]
    public void Agrees_with_the_tensor_librarys_own_broadcasting_where_shapes_fit(int[] shapeOfB)
    {
        var lengths = shapeOfB.Select(d => (nint)d).ToArray();
        var b = Tensor.Create(Enumerable.Range(1, shapeOfB.Aggregate(1, (p, d) => p * d)).Select(v => v * 0.5).ToArray(), lengths);

        Assert.Equal(Flat(Tensor.Add<double>(A, b)), Flat(Broadcasting.Add(A, b)));
        Assert.Equal(Flat(Tensor.Multiply<double>(A, b)), Flat(Broadcasting.Multiply(A, b)));
    }

    [Theory]
    [InlineData(new[] { 4, 1 }, "(3,2,4) (4,1)")]
    [InlineData(new[] { 2, 2 }, "(3,2,4) (2,2)")]
    [InlineData(new[] { 3 }, "(3,2,4) (3,)")]
    public void Incompatible_shapes_fail_with_NumPys_message(int[] shapeOfB, string shapes)
    {
        var lengths = shapeOfB.Select(d => (nint)d).ToArray();
        var b = Tensor.Create(new double[shapeOfB.Aggregate(1, (p, d) => p * d)], lengths);

        var error = Assert.Throws<ArgumentException>(() => Broadcasting.Add(A, b));
        Assert.Equal($"operands could not be broadcast together with shapes {shapes}", error.Message);
        Assert.Throws<ArgumentException>(() => Broadcasting.Multiply(A, b));
    }

    [Fact]
    public void BroadcastShape_follows_NumPys_rule()
    {
        Assert.Equal([3, 2, 4], Broadcasting.BroadcastShape([3, 2, 4], [4]));
        Assert.Equal([3, 2, 4], Broadcasting.BroadcastShape([3, 2, 4], [2, 1]));
        Assert.Equal([5, 3, 4], Broadcasting.BroadcastShape([5, 1, 4], [3, 1]));
        Assert.Equal([2, 0], Broadcasting.BroadcastShape([2, 1], [0]));
        var error = Assert.Throws<ArgumentException>(() => Broadcasting.BroadcastShape([3, 2, 4], [4, 1]));
        Assert.Equal("operands could not be broadcast together with shapes (3,2,4) (4,1)", error.Message);
    }

    [Fact]
    public void Shapes_are_written_as_Python_tuples()
    {
        Assert.Equal("(3,2,4)", Broadcasting.FormatShape([3, 2, 4]));
        Assert.Equal("(4,)", Broadcasting.FormatShape([4]));
        Assert.Equal("()", Broadcasting.FormatShape([]));
    }

    [Fact]
    public void Null_tensors_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Broadcasting.Add(null!, A));
        Assert.Throws<ArgumentNullException>(() => Broadcasting.Multiply(A, null!));
    }

    private static double[] Flat(Tensor<double> t)
    {
        var values = new double[t.FlattenedLength];
        t.FlattenTo(values);
        return values;
    }
}
