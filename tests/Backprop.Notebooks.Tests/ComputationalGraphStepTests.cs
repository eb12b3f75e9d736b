using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// The order a graph's buttons reveal its labels in: forward values in topological order, then gradients in reverse,
/// each when the node the edge enters computes it, with that node's local rule and the figure's own numbers.
/// </summary>
[Collection(FormatterCollection.Name)]
public sealed partial class ComputationalGraphStepTests
{
    /// <summary>
    /// z = t·t with t = x + y, at x = 1, y = 2: t = 3 feeds the × twice, each input gets the other, 3, and the add
    /// node receives both, 3 + 3 = 6 = 2t (numbers by hand: ∂z/∂x = ∂z/∂y = 2(x + y) = 6).
    /// </summary>
    private static ComputationalGraph SharedInput() => Notebook.Graph()
        .Value("x").Value("y").Operation("add", "+").Operation("mul", "×").Value("z")
        .Edge("x", "add", 1, 6).Edge("y", "add", 2, 6)
        .Edge("add", "mul", 3, 3).Edge("add", "mul", 3, 3)
        .Edge("mul", "z", 9, 1);

    private static string Describe(GraphStep s, ComputationalGraph g) =>
        $"{(s.Pass == GraphPass.Forward ? "F" : "B")} {g.Edges[s.Edge].From}>{g.Edges[s.Edge].To} @{s.Node}";

    [Fact]
    public void A_value_feeding_one_node_twice_sends_back_the_sum_only_after_both_gradients_arrive()
    {
        ComputationalGraph graph = SharedInput();
        IReadOnlyList<GraphStep> steps = graph.Steps;
        Assert.Equal(
            [
                "F x>add @x", "F y>add @y", "F add>mul @add", "F add>mul @add", "F mul>z @mul",
                "B mul>z @z", "B add>mul @mul", "B add>mul @mul", "B x>add @add", "B y>add @add",
            ],
            steps.Select(s => Describe(s, graph)));
        Assert.Equal([0, 1, 2, 3, 4, 4, 2, 3, 0, 1], steps.Select(s => s.Edge));
        Assert.Equal("1 + 2 = 3 → the × node", steps[2].Text);
        Assert.Equal("3 × 3 = 9", steps[4].Text);
        Assert.Equal("it starts here: 1, sent to the × node", steps[5].Text);
        Assert.Equal("× sends the + node what arrives from upstream times its other input: 1 × 3 = 3", steps[6].Text);
        Assert.Equal("+ passes (3 + 3) on to x", steps[8].Text);
    }

    [Fact]
    public void The_square_node_of_x_plus_y_squared_multiplies_by_2t()
    {
        // The notebook's figure of z = (x + y)² at x = 1, y = 2: t = 3, ∂z/∂t = 2t = 6, ∂z/∂x = ∂z/∂y = 6.
        ComputationalGraph graph = Notebook.Graph()
            .Value("x").Value("y").Operation("add", "+").Operation("square", "**2").Value("z")
            .Edge("x", "add", 1, 6).Edge("y", "add", 2, 6).Edge("add", "square", 3, 6).Edge("square", "z", 9, 1);
        IReadOnlyList<GraphStep> steps = graph.Steps;
        Assert.Equal(
            ["F x>add @x", "F y>add @y", "F add>square @add", "F square>z @square", "B square>z @z", "B add>square @square", "B x>add @add", "B y>add @add"],
            steps.Select(s => Describe(s, graph)));
        Assert.Equal("3² = 9", steps[3].Text);
        // The rule names the node's own input, never x (another node of this figure), and each caption its receiver.
        Assert.Equal("the square node sends the + node what arrives from upstream times 2 × its input: 1 × 2 × 3 = 6", steps[5].Text);
        Assert.Equal("+ passes 6 on to x", steps[6].Text);
        Assert.Equal("+ passes 6 on to y", steps[7].Text);
    }

    [Fact]
    public void Apples_and_oranges_reveal_in_topological_order_and_back_in_reverse()
    {
        ComputationalGraph graph = ComputationalGraphTests.Shop();
        IReadOnlyList<GraphStep> steps = graph.Steps;
        Assert.Equal(
            [
                "F apple>mul_apple @apple", "F apple_num>mul_apple @apple_num", "F mul_apple>add @mul_apple",
                "F orange>mul_orange @orange", "F orange_num>mul_orange @orange_num", "F mul_orange>add @mul_orange",
                "F add>mul_tax @add", "F tax>mul_tax @tax", "F mul_tax>price @mul_tax",
                "B mul_tax>price @price", "B add>mul_tax @mul_tax", "B tax>mul_tax @mul_tax",
                "B mul_apple>add @add", "B mul_orange>add @add",
                "B orange>mul_orange @mul_orange", "B orange_num>mul_orange @mul_orange",
                "B apple>mul_apple @mul_apple", "B apple_num>mul_apple @mul_apple",
            ],
            steps.Select(s => Describe(s, graph)));
        string Text(string from, string to, GraphPass pass) =>
            steps.Single(s => s.Pass == pass && graph.Edges[s.Edge].From == from && graph.Edges[s.Edge].To == to).Text;
        Assert.Equal("100 × 2 = 200", Text("mul_apple", "add", GraphPass.Forward));
        Assert.Equal("200 + 450 = 650", Text("add", "mul_tax", GraphPass.Forward));
        Assert.Equal("tax = 1.1", Text("tax", "mul_tax", GraphPass.Forward));
        Assert.Equal("× sends the + node what arrives from upstream times its other input: 1 × 1.1 = 1.1", Text("add", "mul_tax", GraphPass.Backward));
        Assert.Equal("+ passes 1.1 on to the × node (output 200)", Text("mul_apple", "add", GraphPass.Backward));
        Assert.Equal("× sends apple what arrives from upstream times its other input: 1.1 × 2 = 2.2", Text("apple", "mul_apple", GraphPass.Backward));
        Assert.Equal("× sends apple num what arrives from upstream times its other input: 1.1 × 100 = 110.00000000000001", Text("apple_num", "mul_apple", GraphPass.Backward));
    }

    [Fact]
    public void The_sigmoid_nodes_name_their_rules_with_the_cells_numbers()
    {
        // Python: x = 2, y = 1/(1 + e⁻²) = 0.88079708, dy/dx = y(1 − y) = 0.10499359; exp(−2) = 0.13533528.
        ComputationalGraph graph = Notebook.Graph().WithSignificantDigits(8)
            .Value("x").Operation("mul", "×").Value("minus1", "−1").Operation("exp", "exp").Operation("add", "+").Value("one", "1")
            .Operation("div", "/").Value("y")
            .Edge("x", "mul", 2, 0.10499358540350652).Edge("minus1", "mul")
            .Edge("mul", "exp", -2, -0.10499358540350652).Edge("exp", "add", 0.1353352832366127, -0.7758034884)
            .Edge("one", "add").Edge("add", "div", 1.1353352832366128, -0.7758034884).Edge("div", "y", 0.8807970779778823, 1);
        var texts = graph.Steps.Select(s => s.Text).ToList();
        Assert.Contains("2 × (−1) = −2", texts);
        Assert.Contains("exp(−2) = 0.13533528", texts);
        Assert.Contains("1/1.1353353 = 0.88079708", texts);
        Assert.Contains("/ sends the + node what arrives from upstream times −(its output)²: 1 × (−(0.88079708²)) = −0.77580349", texts);
        Assert.Contains("+ passes −0.77580349 on to the exp node", texts);
        Assert.Contains("exp sends the × node what arrives from upstream times its own output: (−0.77580349) × 0.13533528 = −0.10499359", texts);
        Assert.Contains("× sends x what arrives from upstream times its other input: (−0.10499359) × (−1) = 0.10499359", texts);
    }

    [Fact]
    public void Relu_passes_or_stops_by_the_sign_of_its_input()
    {
        ComputationalGraph graph = Notebook.Graph().WithSignificantDigits(8)
            .Value("x1", "x").Operation("r1", "relu").Value("y1", "y").Value("x2", "x").Operation("r2", "relu").Value("y2", "y")
            .Edge("x1", "r1", 3, 1.5).Edge("r1", "y1", 3, 1.5).Edge("x2", "r2", -0.5, 0).Edge("r2", "y2", 0, 1.5);
        var texts = graph.Steps.Select(s => s.Text).ToList();
        Assert.Contains("ReLU passes 1.5 on to x, as its input 3 > 0", texts);
        Assert.Contains("ReLU stops the gradient to x, as its input −0.5 ≤ 0: 0", texts);
    }

    [Fact]
    public void Symbolic_labels_name_the_rule_and_the_result()
    {
        ComputationalGraph graph = Notebook.Graph()
            .Value("X").Value("W").Operation("dot", "dot").Value("Y")
            .Edge("X", "dot", "X", "∂L/∂Y · Wᵀ").Edge("W", "dot", "W", "Xᵀ · ∂L/∂Y").Edge("dot", "Y", "X · W", "∂L/∂Y");
        var texts = graph.Steps.Select(s => s.Text).ToList();
        Assert.Equal(["X", "W", "dot → X · W", "it starts here: ∂L/∂Y, sent to the dot node",
            "dot sends X what arrives from upstream times (its second input)ᵀ, on the right → ∂L/∂Y · Wᵀ", "dot sends W (its first input)ᵀ times what arrives from upstream, on the left → Xᵀ · ∂L/∂Y"], texts);
    }

    [Fact]
    public void Separate_pieces_are_walked_in_the_order_the_cell_added_them_backward_too()
    {
        // 5.5's sigmoid: the chain first, then the one node that sums it up; its backward pass too, so the one-node
        // form's 0.10499359 is read after the chain's (Python: e⁻² = 0.13533528, y = 0.88079708, y(1 − y) = 0.10499359).
        ComputationalGraph graph = Notebook.Graph().WithSignificantDigits(8)
            .Value("x").Operation("mul", "×").Value("minus1", "−1").Operation("exp", "exp").Operation("add", "+").Value("one", "1")
            .Operation("div", "/").Value("y")
            .Edge("x", "mul", 2, 0.10499358540350652).Edge("minus1", "mul")
            .Edge("mul", "exp", -2, -0.10499358540350652).Edge("exp", "add", 0.1353352832366127, -0.7758034884)
            .Edge("one", "add").Edge("add", "div", 1.1353352832366128, -0.7758034884).Edge("div", "y", 0.8807970779778823, 1)
            .Value("x_", "x").Operation("sigmoid", "sigmoid").Value("y_", "y")
            .Edge("x_", "sigmoid", 2, 0.10499358540350652).Edge("sigmoid", "y_", 0.8807970779778823, 1);
        var backward = graph.Steps.Where(s => s.Pass == GraphPass.Backward).ToList();
        Assert.Equal(["y", "div", "add", "exp", "mul", "y_", "sigmoid"], backward.Select(s => s.Node));
        Assert.Equal("it starts here: 1, sent to the / node", backward[0].Text);
        Assert.Equal("on to the next part of the figure: the sigmoid node receives 1", backward[5].Text);
        Assert.Single(backward, s => s.Text.Contains("starts here", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_first_backward_step_starts_and_a_softmax_before_the_loss_sends_back_y_minus_t()
    {
        // 5.6's simplified Softmax-with-Loss: the edges between Softmax and CEE carry no labels.
        ComputationalGraph graph = Notebook.Graph()
            .Value("a1", "a₁").Value("a2", "a₂").Operation("softmax", "Softmax").Value("y1", "y₁").Value("y2", "y₂")
            .Operation("cee", "CEE").Value("L")
            .Edge("a1", "softmax", "a₁", "y₁ − t₁").Edge("a2", "softmax", "a₂", "y₂ − t₂")
            .Edge("softmax", "y1").Edge("softmax", "y2").Edge("y1", "cee").Edge("y2", "cee").Edge("cee", "L", "L", "1");
        var texts = graph.Steps.Select(s => s.Text).ToList();
        Assert.Equal(["a₁", "a₂", "CEE → L", "it starts here: 1, sent to the CEE node",
            "Softmax, followed by the cross-entropy error, sends a₁ its output minus the one-hot target: y₁ − t₁",
            "Softmax, followed by the cross-entropy error, sends a₂ its output minus the one-hot target: y₂ − t₂"], texts);
    }

    [Fact]
    public void A_node_without_a_rule_sends_back_its_edges_label()
    {
        ComputationalGraph graph = Notebook.Graph()
            .Value("h").Operation("f", "CEE").Operation("g", "Affine").Value("L")
            .Edge("h", "f", "h", "∂L/∂h").Edge("f", "g", "a", "∂L/∂a").Edge("g", "L", "L", "1");
        var texts = graph.Steps.Where(s => s.Pass == GraphPass.Backward).Select(s => s.Text).ToList();
        Assert.Equal(["it starts here: 1, sent to the Affine node", "Affine sends ∂L/∂a back to the CEE node",
            "CEE sends ∂L/∂h back to h"], texts);
    }

    [Fact]
    public void An_add_node_sends_back_the_edges_own_label_when_it_differs_and_an_input_is_not_an_equation()
    {
        // 5.6's Affine over a batch: the bias edge carries the column sums, not ∂L/∂Y (N, 3) itself.
        ComputationalGraph graph = Notebook.Graph()
            .Value("X").Value("W").Operation("dot", "dot").Operation("plus", "+").Value("B").Value("Y")
            .Edge("X", "dot", "X (N, 2)", "∂L/∂Y · Wᵀ (N, 2)").Edge("W", "dot", "W (2, 3)", "Xᵀ · ∂L/∂Y (2, 3)")
            .Edge("dot", "plus", "X · W (N, 3)", "∂L/∂Y (N, 3)").Edge("B", "plus", "B (3,)", "Σ rows of ∂L/∂Y (3,)")
            .Edge("plus", "Y", "Y (N, 3)", "∂L/∂Y (N, 3)");
        var texts = graph.Steps.Select(s => s.Text).ToList();
        Assert.Equal("X enters with shape (N, 2)", texts[0]);
        Assert.Contains("+ passes ∂L/∂Y (N, 3) on to the dot node", texts);
        Assert.Contains("+ sends Σ rows of ∂L/∂Y (3,) back to B", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("X = ", StringComparison.Ordinal));
    }

    [Fact]
    public void Kinds_come_from_the_symbol_or_are_given()
    {
        Assert.Equal(GraphNodeKind.Square, GraphNodeKinds.FromSymbol("**2"));
        Assert.Equal(GraphNodeKind.Reciprocal, GraphNodeKinds.FromSymbol("/"));
        Assert.Equal(GraphNodeKind.SoftmaxWithLoss, GraphNodeKinds.FromSymbol("Softmax-with-Loss"));
        Assert.Equal(GraphNodeKind.Other, GraphNodeKinds.FromSymbol("CEE"));
        ComputationalGraph graph = Notebook.Graph().Value("x").Operation("f", "f", GraphNodeKind.Exp).Value("y")
            .Edge("x", "f", 0, 1).Edge("f", "y", 1, 1);
        Assert.Equal("exp sends x what arrives from upstream times its own output: 1 × 1 = 1", graph.Steps.Last().Text);
    }

    [Theory]
    [InlineData("ko", "× 노드는 입력을 서로 바꿔 상류에서 전해진 값에 곱하고 a 쪽으로 보냅니다: 1.1 × 2 = 2.2", "역전파 1/2: 여기서 시작합니다. × 노드 쪽으로 보내는 값: 1.1")]
    [InlineData("ja", "× は入力をひっくり返して上流から伝わった値に掛け、aへ返します：1.1 × 2 = 2.2", "逆伝播 1/2：ここから始まります。× ノードへ送る値：1.1")]
    public void Rules_are_in_the_editions_language(string culture, string rule, string caption)
    {
        CultureInfo ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            ComputationalGraph graph = Notebook.Graph().Value("a").Value("b").Operation("mul", "×").Value("c")
                .Edge("a", "mul", 100, 2.2).Edge("b", "mul", 2, null).Edge("mul", "c", 200, 1.1);
            Assert.Equal(rule, graph.Steps.Last().Text);
            Assert.Contains(JsonEscaped(caption), graph.ToHtml(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public void Every_label_carries_its_step_once_and_the_figure_opens_finished()
    {
        ComputationalGraph graph = ComputationalGraphTests.Shop();
        string html = graph.ToHtml();
        Match svg = SvgElement().Match(html);
        XElement figure = XElement.Parse(svg.Value);
        var numbered = figure.Descendants().Where(e => e.Attribute("data-step") is not null).ToList();
        Assert.Equal(Enumerable.Range(1, 18), numbered.Select(e => int.Parse(e.Attribute("data-step")!.Value, CultureInfo.InvariantCulture)).Order());
        Assert.All(numbered, e => Assert.Null(e.Attribute("visibility")));
        Assert.Equal("2.2", numbered.Single(e => e.Attribute("data-step")!.Value == "17").Value);
        Assert.Equal(graph.ToSvg(), svg.Value);
        Assert.Equal(html, graph.ToHtml());
        Assert.Contains("<div class=\"cg-controls\" role=\"group\" aria-label=\"Step through the graph\" hidden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</script", html[..html.LastIndexOf("</script>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_is_named()
    {
        ComputationalGraph graph = Notebook.Graph().Operation("a", "+").Operation("b", "×").Edge("a", "b").Edge("b", "a");
        var e = Assert.Throws<InvalidOperationException>(() => graph.Steps);
        Assert.Contains("\"a\"", e.Message, StringComparison.Ordinal);
    }

    private static string JsonEscaped(string text) => string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}"));

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();
}
