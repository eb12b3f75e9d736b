using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks.Display;

/// <summary>
/// Formatters for one of our display types, found by the Formatting library through
/// <see cref="TypeFormatterSourceAttribute"/>, so these values display well with or without
/// <see cref="Notebook.Setup"/>.
/// </summary>
internal sealed class HtmlAndTextSource<T> : ITypeFormatterSource
    where T : class, IRichDisplay
{
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new HtmlFormatter<T>(value => value.ToHtml()),
        new PlainTextFormatter<T>(value => value.ToString() ?? ""),
    ];
}
