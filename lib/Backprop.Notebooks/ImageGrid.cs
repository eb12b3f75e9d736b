using System.Globalization;
using System.Net;
using System.Text;
using Backprop.Notebooks.Display;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks;

/// <summary>
/// Small grayscale images side by side, each with a caption: for looking at digits (8×8 or MNIST's 28×28),
/// e.g. the ones a network got wrong. Ink is dark: pixel 0 is white, the largest value black. Displays as
/// inline SVG (no script), as text a list of the captions.
/// </summary>
[TypeFormatterSource(typeof(HtmlAndTextSource<ImageGrid>))]
public sealed class ImageGrid : IRichDisplay
{
    private const int Side = 72; // an image's width on the page in pixels, whatever its resolution

    private readonly IReadOnlyList<(Matrix<double> Pixels, string Caption)> images;

    /// <summary>The images (one matrix each, row 0 at the top) with their captions, in order.</summary>
    public ImageGrid(IEnumerable<(Matrix<double> Pixels, string Caption)> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        this.images = [.. images];
    }

    /// <summary>How many images.</summary>
    public int Count => images.Count;

    /// <summary>A row of SVG images that wraps, each over its caption.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"image-grid\" style=\"display:flex;flex-wrap:wrap;gap:12px;\">");
        foreach (var (pixels, caption) in images)
        {
            html.Append("<figure style=\"margin:0;text-align:center;\">").Append(Svg(pixels))
                .Append($"<figcaption style=\"font-family:monospace;font-size:12px;\">{WebUtility.HtmlEncode(caption)}</figcaption></figure>");
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>The captions, one a line.</summary>
    public override string ToString() => string.Join("\n", images.Select(i => i.Caption));

    private static string Svg(Matrix<double> pixels)
    {
        double max = pixels.Enumerate().DefaultIfEmpty(0).Max();
        double cell = (double)Side / Math.Max(1, Math.Max(pixels.RowCount, pixels.ColumnCount));
        var svg = new StringBuilder(Invariant(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{cell * pixels.ColumnCount:0.##}\" height=\"{cell * pixels.RowCount:0.##}\" shape-rendering=\"crispEdges\" style=\"border:1px solid #999;background:#fff;\">"));
        for (int r = 0; r < pixels.RowCount; r++)
        {
            for (int c = 0; c < pixels.ColumnCount; c++)
            {
                double ink = max > 0 ? Math.Clamp(pixels[r, c] / max, 0, 1) : 0;
                if (ink > 0)
                {
                    int gray = (int)Math.Round(255 * (1 - ink));
                    svg.Append(Invariant(
                        $"<rect x=\"{c * cell:0.##}\" y=\"{r * cell:0.##}\" width=\"{cell:0.##}\" height=\"{cell:0.##}\" fill=\"rgb({gray},{gray},{gray})\"/>"));
                }
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
