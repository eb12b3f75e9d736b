using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Backprop.Notebooks.Display;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks.Tests;

[Collection(FormatterCollection.Name)]
public sealed class ComputationalGraphTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The book's shop: 2 apples at 100, 3 oranges at 150, 10% tax; gradients from Python.</summary>
    public static ComputationalGraph Shop() => Notebook.Graph()
        .WithTitle("Buying 2 apples and 3 oranges")
        .Value("apple", "apple", 0, 0)
        .Value("apple_num", "apple num", 0, 1)
        .Value("orange", "orange", 0, 2)
        .Value("orange_num", "orange num", 0, 3)
        .Operation("mul_apple", "×", 1, 0.5)
        .Operation("mul_orange", "×", 1, 2.5)
        .Operation("add", "+", 2, 1.5)
        .Operation("mul_tax", "×", 3, 1.5)
        .Value("tax", "tax", 3, 3)
        .Value("price", "price", 4, 1.5)
        .Edge("apple", "mul_apple", 100, 2.2)
        .Edge("apple_num", "mul_apple", 2, 110.00000000000001)
        .Edge("orange", "mul_orange", 150, 3.3000000000000003)
        .Edge("orange_num", "mul_orange", 3, 165)
        .Edge("mul_apple", "add", 200, 1.1)
        .Edge("mul_orange", "add", 450, 1.1)
        .Edge("add", "mul_tax", 650, 1.1)
        .Edge("tax", "mul_tax", 1.1, 650)
        .Edge("mul_tax", "price", 715.0000000000001, 1);

    [Fact]
    public void Svg_is_well_formed_and_draws_every_node_edge_and_label()
    {
        ComputationalGraph graph = Shop();
        XElement svg = XElement.Parse(graph.ToSvg());
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal(4, svg.Elements(Svg + "circle").Count());
        Assert.Equal(9, svg.Elements(Svg + "polygon").Count());
        string[] texts = svg.Elements(Svg + "text").Select(t => t.Value).ToArray();
        string[] expected =
        [
            "apple", "apple num", "orange", "orange num", "tax", "price", "×", "+",
            "100", "2", "150", "3", "1.1", "200", "450", "650", "715.0000000000001",
            "2.2", "110.00000000000001", "3.3000000000000003", "165", "1",
            "Buying 2 apples and 3 oranges",
        ];
        Assert.All(expected, label => Assert.Contains(label, texts));
    }

    [Fact]
    public void Forward_values_are_black_and_gradients_red()
    {
        XElement svg = XElement.Parse(Shop().ToSvg());
        string Fill(string label) => svg.Elements(Svg + "text").First(t => t.Value == label).Attribute("fill")!.Value;
        Assert.Equal("#111111", Fill("715.0000000000001"));
        Assert.Equal("#d62728", Fill("110.00000000000001"));
    }

    [Fact]
    public void Forward_label_sits_above_a_horizontal_edge_and_gradient_below()
    {
        XElement svg = XElement.Parse(Shop().ToSvg());
        double Y(string label) => double.Parse(svg.Elements(Svg + "text").First(t => t.Value == label).Attribute("y")!.Value, CultureInfo.InvariantCulture);
        // The edge into "price" is the rightmost one.
        XElement toPrice = svg.Elements(Svg + "line").MaxBy(l => double.Parse(l.Attribute("x2")!.Value, CultureInfo.InvariantCulture))!;
        Assert.Equal(toPrice.Attribute("y1")!.Value, toPrice.Attribute("y2")!.Value);
        double edgeY = double.Parse(toPrice.Attribute("y1")!.Value, CultureInfo.InvariantCulture);
        Assert.True(Y("715.0000000000001") < edgeY);
        Assert.True(Y("1") > edgeY);
    }

    [Fact]
    public void Labels_do_not_overlap_each_other()
    {
        XElement svg = XElement.Parse(Shop().ToSvg());
        var boxes = svg.Elements(Svg + "text")
            .Where(t => t.Attribute("text-anchor")!.Value == "middle")
            .Select(t =>
            {
                double x = double.Parse(t.Attribute("x")!.Value, CultureInfo.InvariantCulture);
                double y = double.Parse(t.Attribute("y")!.Value, CultureInfo.InvariantCulture);
                double size = double.Parse(t.Attribute("font-size")!.Value, CultureInfo.InvariantCulture);
                double half = TextWidth.Of(t.Value, size) / 2;
                return (t.Value, Box: new Box(x - half, y - size / 2, x + half, y + size / 2));
            })
            .ToArray();
        for (int i = 0; i < boxes.Length; i++)
        {
            for (int j = i + 1; j < boxes.Length; j++)
            {
                Assert.False(boxes[i].Box.Overlaps(boxes[j].Box), $"\"{boxes[i].Value}\" overlaps \"{boxes[j].Value}\"");
            }
        }
    }

    [Fact]
    public void Each_label_is_plainly_nearer_its_own_edge_than_any_other()
    {
        // The sigmoid's first node as first drawn: x and −1 converge on ×, and x's gradient, drawn under
        // its edge at the middle, sat 21 units from its edge and 33 from the −1 edge, between the two.
        ComputationalGraph graph = Notebook.Graph()
            .Value("x", "x", 0, 0).Value("minus1", "c", 0, 1).Operation("mul", "×", 1, 0.5).Value("w", "w", 2, 0.5)
            .Edge("x", "mul", "2", "0.10499359").Edge("minus1", "mul", "−1", "−0.20998718").Edge("mul", "w", "−2", "−0.10499359");
        XElement svg = XElement.Parse(graph.ToSvg());
        double Attr(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        var lines = svg.Elements(Svg + "line").Take(graph.Edges.Count)
            .Select(l => (A: (X: Attr(l, "x1"), Y: Attr(l, "y1")), B: (X: Attr(l, "x2"), Y: Attr(l, "y2")))).ToArray();
        for (int i = 0; i < graph.Edges.Count; i++)
        {
            foreach (string label in new[] { graph.Edges[i].Forward!, graph.Edges[i].Backward! })
            {
                XElement text = svg.Elements(Svg + "text").Single(t => t.Value == label);
                (double X, double Y) at = (Attr(text, "x"), Attr(text, "y"));
                double[] distances = lines.Select(l => Distance(at, l.A, l.B)).ToArray();
                double own = distances[i];
                double other = distances.Where((_, j) => j != i).Min();
                Assert.True(other >= 2 * own, $"\"{label}\" is {own:F1} from its edge but {other:F1} from another: it could belong to either");
            }
        }

        static double Distance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
        {
            double dx = b.X - a.X, dy = b.Y - a.Y;
            double t = Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / (dx * dx + dy * dy), 0, 1);
            return Math.Sqrt(Math.Pow(p.X - a.X - t * dx, 2) + Math.Pow(p.Y - a.Y - t * dy, 2));
        }
    }

    [Fact]
    public void Numbers_use_the_shortest_digits_that_identify_the_double()
    {
        GraphEdge last = Shop().Edges[^1];
        Assert.Equal("715.0000000000001", last.Forward);
        Assert.Equal("1", last.Backward);
        Assert.Equal("110.00000000000001", Shop().Edges[1].Backward);
        GraphEdge small = Notebook.Graph().Value("a", "a", 0, 0).Value("b", "b", 1, 0).Edge("a", "b", 1e-5).Edges[0];
        Assert.Equal("1e-05", small.Forward);
        Assert.Null(small.Backward);
    }

    [Fact]
    public void Significant_digits_round_numbers_for_the_figure_and_use_the_minus_sign()
    {
        ComputationalGraph graph = Notebook.Graph().WithSignificantDigits(8)
            .Value("a", "a", 0, 0).Value("b", "b", 1, 0)
            .Edge("a", "b", 110.00000000000001, 3.3000000000000003)
            .Edge("a", "b", 715.0000000000001, -0.7758034884145512)
            .Edge("a", "b", 1 / (1 + Math.Exp(-2.0)), 1e-05)
            .Edge("a", "b", -2, 0.1049935854035065);
        string[] labels = graph.Edges.SelectMany(e => new[] { e.Forward!, e.Backward! }).ToArray();
        Assert.Equal<string>(["110", "3.3", "715", "−0.77580349", "0.88079708", "1e-05", "−2", "0.10499359"], labels);
        Assert.Contains(">−0.77580349<", graph.ToSvg(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_significant_digits_numbers_keep_every_digit_and_the_hyphen()
    {
        GraphEdge edge = Notebook.Graph().Value("a", "a", 0, 0).Value("b", "b", 1, 0).Edge("a", "b", -0.7758034884145512, 110.00000000000001).Edges[0];
        Assert.Equal("-0.7758034884145512", edge.Forward);
        Assert.Equal("110.00000000000001", edge.Backward);
    }

    [Fact]
    public void Significant_digits_must_be_chosen_before_the_edges()
    {
        ComputationalGraph graph = Notebook.Graph().Value("a", "a", 0, 0).Value("b", "b", 1, 0).Edge("a", "b", 1.5);
        Assert.Throws<InvalidOperationException>(() => graph.WithSignificantDigits(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Notebook.Graph().WithSignificantDigits(0));
    }

    [Fact]
    public void Text_form_lists_each_edge()
    {
        string text = Shop().ToString();
        Assert.Contains("apple → × (mul_apple): forward 100, backward 2.2", text, StringComparison.Ordinal);
        Assert.EndsWith("× (mul_tax) → price: forward 715.0000000000001, backward 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_displays_as_inline_svg()
    {
        string html = Formatter.ToDisplayString(Shop(), "text/html");
        Assert.StartsWith("<div class=\"computational-graph\" data-cg=\"cg-", html, StringComparison.Ordinal);
        Assert.Contains("\"><svg xmlns=\"http://www.w3.org/2000/svg\"", html, StringComparison.Ordinal);
        // One inline script steps through the figure; nothing is loaded from anywhere.
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_is_sized_to_its_content()
    {
        XElement small = XElement.Parse(Notebook.Graph().Value("a", "a", 0, 0).Operation("f", "f", 1, 0).Edge("a", "f", "1", "2").ToSvg());
        XElement large = XElement.Parse(Shop().ToSvg());
        double Width(XElement e) => double.Parse(e.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        Assert.True(Width(small) < 300, $"small graph is {Width(small)} wide");
        Assert.True(Width(large) > 600, $"shop graph is {Width(large)} wide");
        Assert.Equal($"{large.Attribute("width")!.Value} {large.Attribute("height")!.Value}", string.Join(" ", large.Attribute("viewBox")!.Value.Split(' ')[2..]));
    }

    [Fact]
    public void Labels_are_escaped()
    {
        XElement svg = XElement.Parse(Notebook.Graph().Value("a", "a<b & c>", 0, 0).Operation("f", "<", 1, 0).Edge("a", "f", "x<1", null).ToSvg());
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "a<b & c>");
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "x<1");
    }

    [Fact]
    public void Edges_must_join_nodes_that_exist()
    {
        ComputationalGraph graph = Notebook.Graph().Value("a", "a", 0, 0);
        var e = Assert.Throws<ArgumentException>(() => graph.Edge("a", "b"));
        Assert.Contains("\"b\"", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => graph.Operation("a", "×", 1, 0));
    }
}
