using static Backprop.Tests.TestData;

namespace Backprop.Tests;

public class ShapesTests
{
    [Fact]
    public void Shapes_read_like_NumPys()
    {
        Assert.Equal("(2,3)", Shapes.Of(Normal(2, 3, seed: 50)));
        Assert.Equal("(3,)", Shapes.Of(V(1.0, 2.0, 3.0)));
    }
}
