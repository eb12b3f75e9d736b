using System.Xml.Linq;

namespace Backprop.Notebooks.Tests;

/// <summary>A graph given no positions lays itself out from its edges, as the book draws its figures.</summary>
[Collection(FormatterCollection.Name)]
public sealed class ComputationalGraphLayoutTests
{
    /// <summary>The apples and oranges with no positions: only the nodes and the edges.</summary>
    private static ComputationalGraph Shop() => Notebook.Graph()
        .Value("apple").Value("apple_num").Value("orange").Value("orange_num").Value("tax")
        .Operation("mul_apple", "×").Operation("mul_orange", "×").Operation("add", "+").Operation("mul_tax", "×").Value("price")
        .Edge("apple", "mul_apple", 100, 2.2).Edge("apple_num", "mul_apple", 2, 110)
        .Edge("orange", "mul_orange", 150, 3.3).Edge("orange_num", "mul_orange", 3, 165)
        .Edge("mul_apple", "add", 200, 1.1).Edge("mul_orange", "add", 450, 1.1)
        .Edge("add", "mul_tax", 650, 1.1).Edge("tax", "mul_tax", 1.1, 650).Edge("mul_tax", "price", 715, 1);

    [Fact]
    public void Columns_are_depths_and_an_input_sits_just_left_of_the_node_it_feeds()
    {
        var at = GraphLayout.Of(Shop());
        Assert.Equal(0, at["apple"].Column);
        Assert.Equal(0, at["orange"].Column);
        Assert.Equal(0, at["orange_num"].Column);
        Assert.Equal(1, at["mul_apple"].Column);
        Assert.Equal(2, at["add"].Column);
        Assert.Equal(3, at["mul_tax"].Column);
        Assert.Equal(4, at["price"].Column);
        // The tax joins a line under way: straight below the × that applies it, as in the book.
        Assert.Equal(3, at["tax"].Column);
        Assert.Equal(at["mul_tax"].Row + 1, at["tax"].Row);
    }

    [Fact]
    public void Rows_keep_the_chain_level_and_nodes_of_a_column_apart()
    {
        var at = GraphLayout.Of(Shop());
        // The output sits level with the operation it comes from, an operation between its two inputs.
        Assert.Equal(at["mul_tax"].Row, at["price"].Row);
        Assert.Equal(at["add"].Row, at["mul_tax"].Row);
        Assert.True(at["apple"].Row < at["mul_apple"].Row && at["mul_apple"].Row < at["apple_num"].Row, "× between its inputs");
        Assert.True(at["mul_apple"].Row < at["add"].Row && at["add"].Row < at["mul_orange"].Row, "+ between its inputs");
        foreach (var column in at.Values.GroupBy(p => p.Column))
        {
            var rows = column.Select(p => p.Row).Order().ToList();
            Assert.All(rows.Zip(rows.Skip(1)), p => Assert.True(p.Second - p.First >= 1, $"column {column.Key}: rows {p.First} and {p.Second}"));
        }
    }

    [Fact]
    public void Separate_pieces_are_stacked_and_a_chain_is_one_row()
    {
        var at = GraphLayout.Of(Notebook.Graph()
            .Value("x").Operation("f", "exp").Value("y").Value("a").Operation("g", "relu").Value("b")
            .Edge("x", "f", 0, 1).Edge("f", "y", 1, 1).Edge("a", "g", 2, 1).Edge("g", "b", 2, 1));
        Assert.Equal([0.0, 0.0, 0.0], new[] { "x", "f", "y" }.Select(id => at[id].Row));
        Assert.True(at["a"].Row >= 1 && at["a"].Row == at["b"].Row);
        Assert.Equal([0.0, 1.0, 2.0], new[] { "a", "g", "b" }.Select(id => at[id].Column));
    }

    [Fact]
    public void Given_positions_are_kept_and_a_mix_is_refused()
    {
        var at = GraphLayout.Of(ComputationalGraphTests.Shop());
        Assert.Equal((3.0, 3.0), at["tax"]);
        var e = Assert.Throws<InvalidOperationException>(() => Notebook.Graph().Value("a", "a", 0, 0).Value("b").ToSvg());
        Assert.Contains("\"a\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"b\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Least_squares_rows_at_least_one_apart()
    {
        Assert.Equal([0.0, 1.0, 2.0], GraphLayout.Separate([1, 1, 1]).Select(x => Math.Round(x, 9)));
        Assert.Equal([-0.5, 0.5, 3.0], GraphLayout.Separate([0, 0, 3]).Select(x => Math.Round(x, 9)));
    }

    [Fact]
    public void A_laid_out_figure_draws_no_node_over_another()
    {
        XElement svg = XElement.Parse(Shop().ToSvg());
        XNamespace ns = "http://www.w3.org/2000/svg";
        var circles = svg.Elements(ns + "circle").Select(c => (X: (double)c.Attribute("cx")!, Y: (double)c.Attribute("cy")!)).ToList();
        Assert.Equal(4, circles.Count);
        Assert.All(circles.SelectMany((a, i) => circles.Skip(i + 1).Select(b => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2)))), d => Assert.True(d > 60, $"{d}"));
    }
}
