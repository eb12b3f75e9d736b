using System.Numerics.Tensors;
using Microsoft.DotNet.Interactive.Formatting;
using MathNet.Numerics.LinearAlgebra;
using Plotly.NET;

namespace Backprop.Notebooks.Display;

/// <summary>
/// The formatters for types the notebooks show but do not own: arrays print as NumPy text by default
/// (a table on request), charts draw inline. Our own display types carry their formatters with them
/// (<see cref="HtmlAndTextSource{T}"/>), so they need no registration.
/// </summary>
internal static class Formatters
{
    private const string PlainText = "text/plain";
    private const string Html = "text/html";

    private static readonly object Gate = new();

    private static readonly ITypeFormatter[] All =
    [
        new PlainTextFormatter<Matrix<double>>(NumPy.Format),
        new HtmlFormatter<Matrix<double>>(m => ArrayHtml.Render(Shapes.Of(m), m.RowCount, m.ColumnCount, m.ToRowMajorArray(), NumPy.Format(m))),
        new PlainTextFormatter<Vector<double>>(NumPy.Format),
        new HtmlFormatter<Vector<double>>(v => ArrayHtml.Render(Shapes.Of(v), 1, v.Count, v.ToArray(), NumPy.Format(v))),
        new PlainTextFormatter<Tensor<double>>(NumPy.Format),
        new HtmlFormatter<Tensor<double>>(TensorHtml),
        new HtmlFormatter<GenericChart>(ChartHtml.Render),
    ];

    private static readonly (Type Type, string MimeType)[] Preferred =
    [
        (typeof(Matrix<double>), PlainText),
        (typeof(Vector<double>), PlainText),
        (typeof(Tensor<double>), PlainText),
        (typeof(GenericChart), Html),
    ];

    /// <summary>
    /// Registers each formatter unless it is already registered. Checking the live registry (not a
    /// "done" flag) keeps this right after <see cref="Formatter.ResetToDefault"/> too.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            var present = Formatter.RegisteredFormatters(includeDefaults: false).ToHashSet();
            foreach (ITypeFormatter formatter in All.Where(f => !present.Contains(f)))
            {
                Formatter.Register(formatter);
            }

            foreach ((Type type, string mimeType) in Preferred)
            {
                Formatter.SetPreferredMimeTypesFor(type, mimeType);
            }
        }
    }

    private static string TensorHtml(Tensor<double> t)
    {
        string shape = Broadcasting.FormatShape(t.Lengths);
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return t.Rank switch
        {
            1 => ArrayHtml.Render(shape, 1, data.Length, data, NumPy.Format(t)),
            2 => ArrayHtml.Render(shape, (int)t.Lengths[0], (int)t.Lengths[1], data, NumPy.Format(t)),
            _ => $"<pre class=\"numpy-array\">{System.Net.WebUtility.HtmlEncode(NumPy.Format(t))}</pre>",
        };
    }
}
