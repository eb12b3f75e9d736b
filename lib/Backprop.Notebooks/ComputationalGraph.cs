using System.Globalization;
using System.Text;
using Backprop.Notebooks.Display;
using Backprop.Notebooks.Resources;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks;

/// <summary>
/// A computational graph figure in the style of the book: operation nodes in circles, values as
/// text, each edge labelled with its forward value above and its backward gradient below. Built
/// with chained calls and displayed as a self-contained inline SVG (no script, no web fonts).
/// </summary>
/// <example><code>
/// Notebook.Graph()
///     .Value("apple", "apple", 0, 0).Operation("mul", "×", 1, 0.5).Value("price", "price", 2, 0.5)
///     .Edge("apple", "mul", "100", "2.2").Edge("mul", "price", "220", "1")
/// </code></example>
[TypeFormatterSource(typeof(HtmlAndTextSource<ComputationalGraph>))]
public sealed class ComputationalGraph : IRichDisplay
{
    private readonly List<GraphNode> _nodes = [];
    private readonly List<GraphEdge> _edges = [];
    private int? _significantDigits;

    /// <summary>The nodes, in the order added.</summary>
    public IReadOnlyList<GraphNode> Nodes => _nodes;

    /// <summary>The edges, in the order added.</summary>
    public IReadOnlyList<GraphEdge> Edges => _edges;

    /// <summary>An optional heading drawn above the figure.</summary>
    public string? Title { get; private set; }

    /// <summary>Sets the heading drawn above the figure.</summary>
    public ComputationalGraph WithTitle(string title)
    {
        Title = title;
        return this;
    }

    /// <summary>
    /// Writes the numbers of the edges added after this call as a figure in a book does: rounded to at
    /// most <paramref name="significantDigits"/> significant digits, negatives with the minus sign "−".
    /// With 8 digits 110.00000000000001 is drawn 110 and -0.7758034884 −0.77580349. The exact digits
    /// belong in a printed cell; on a figure they only crowd the edges.
    /// </summary>
    /// <exception cref="InvalidOperationException">Edges were added already: call this first, so every number of a figure is written alike.</exception>
    public ComputationalGraph WithSignificantDigits(int significantDigits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significantDigits, 17);
        if (_edges.Count > 0)
        {
            throw new InvalidOperationException(
                Strings.GraphSignificantDigitsFirst);
        }

        _significantDigits = significantDigits;
        return this;
    }

    /// <summary>
    /// Adds an operation node: <paramref name="symbol"/> in a circle, e.g. "×", "+", "exp", "/". Its kind (which local
    /// rule its backward step shows) is read from the symbol: + × exp / **2 log relu sigmoid dot Affine Softmax-with-Loss.
    /// </summary>
    public ComputationalGraph Operation(string id, string symbol, double column, double row) =>
        Add(new GraphNode(id, symbol, column, row, IsOperation: true));

    /// <summary>Adds an operation node at a given place, of a given kind whatever its symbol.</summary>
    public ComputationalGraph Operation(string id, string symbol, double column, double row, GraphNodeKind kind) =>
        Add(new GraphNode(id, symbol, column, row, IsOperation: true) { Kind = kind });

    /// <summary>Adds an operation node placed from the edges (give no node a position, and the graph lays itself out).</summary>
    public ComputationalGraph Operation(string id, string symbol) =>
        Add(new GraphNode(id, symbol, 0, 0, IsOperation: true) { IsPlaced = false });

    /// <summary>Adds an operation node of a given kind, placed from the edges.</summary>
    public ComputationalGraph Operation(string id, string symbol, GraphNodeKind kind) =>
        Add(new GraphNode(id, symbol, 0, 0, IsOperation: true) { Kind = kind, IsPlaced = false });

    /// <summary>Adds a value node drawn as plain text, e.g. an input "apple" or the output "price".</summary>
    public ComputationalGraph Value(string id, string label, double column, double row) =>
        Add(new GraphNode(id, label, column, row, IsOperation: false));

    /// <summary>Adds a value node placed from the edges, labelled <paramref name="label"/> or else its id.</summary>
    public ComputationalGraph Value(string id, string? label = null) =>
        Add(new GraphNode(id, label ?? id, 0, 0, IsOperation: false) { IsPlaced = false });

    /// <summary>
    /// The walk-through the figure's buttons step through: every forward value in topological order, then every
    /// gradient in reverse order, each with the local rule that produced it, in the UI culture's language.
    /// </summary>
    public IReadOnlyList<GraphStep> Steps => GraphWalk.Of(this);

    /// <summary>Adds an edge with its forward value and backward gradient as text (either may be null).</summary>
    public ComputationalGraph Edge(string from, string to, string? forward = null, string? backward = null)
    {
        Require(from);
        Require(to);
        _edges.Add(new GraphEdge(from, to, forward, backward));
        return this;
    }

    /// <summary>
    /// Adds an edge whose values are numbers, written with the shortest digits that identify the
    /// double, as Python prints them but without a trailing ".0": 200, 715.0000000000001, 1.1, 1e-05;
    /// or rounded, after <see cref="WithSignificantDigits"/>.
    /// </summary>
    public ComputationalGraph Edge(string from, string to, double forward, double? backward = null) =>
        Edge(from, to, Number(forward), backward is { } b ? Number(b) : null);

    /// <summary>The figure as an <c>&lt;svg&gt;</c> element sized to its content.</summary>
    public string ToSvg() => GraphSvg.Render(this);

    /// <summary>
    /// The SVG inside a div, for the text/html output of a notebook cell, with buttons under it that step through
    /// the forward and backward pass (<see cref="Steps"/>). The figure opens finished, as <see cref="ToSvg"/> draws
    /// it; without scripts (an untrusted notebook, GitHub) the buttons stay hidden and the figure is all there is.
    /// </summary>
    public string ToHtml() => GraphScript.Html(this);

    /// <summary>One line per edge: "apple → mul: forward 100, backward 2.2".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Title is not null)
        {
            text.AppendLine(Title);
        }

        foreach (GraphEdge e in _edges)
        {
            text.Append(Describe(e.From)).Append(" → ").Append(Describe(e.To)).Append(':');
            text.Append(e.Forward is null ? "" : $" forward {e.Forward}");
            text.Append(e.Forward is not null && e.Backward is not null ? "," : "");
            text.Append(e.Backward is null ? "" : $" backward {e.Backward}");
            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    internal GraphNode Find(string id) => _nodes.Single(n => n.Id == id);

    private string Number(double x)
    {
        if (_significantDigits is { } digits && double.IsFinite(x))
        {
            // "G" rounds to the digits; reading it back and writing the shortest form drops the
            // trailing zeros and keeps Python's notation (1e-05).
            double rounded = double.Parse(x.ToString("G" + digits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            string text = Shortest(rounded);
            return text.StartsWith('-') ? "−" + text[1..] : text;
        }

        return Shortest(x);
    }

    private static string Shortest(double x)
    {
        string repr = NumPy.Format(x);
        return repr.EndsWith(".0", StringComparison.Ordinal) ? repr[..^2] : repr;
    }

    private string Describe(string id)
    {
        GraphNode node = Find(id);
        return node.Label == node.Id ? node.Label : $"{node.Label} ({node.Id})";
    }

    private ComputationalGraph Add(GraphNode node)
    {
        ArgumentException.ThrowIfNullOrEmpty(node.Id);
        ArgumentNullException.ThrowIfNull(node.Label);
        if (_nodes.Any(n => n.Id == node.Id))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, Strings.GraphDuplicateNode, node.Id), nameof(node));
        }

        _nodes.Add(node);
        return this;
    }

    private void Require(string id)
    {
        if (_nodes.All(n => n.Id != id))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, Strings.GraphUnknownNode, id, string.Join(", ", _nodes.Select(n => n.Id))),
                nameof(id));
        }
    }
}
