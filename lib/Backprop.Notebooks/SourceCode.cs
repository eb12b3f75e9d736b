using System.Globalization;
using System.Net;
using System.Numerics.Tensors;
using System.Reflection;
using Backprop.Notebooks.Display;
using Backprop.Notebooks.Resources;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Notebooks;

/// <summary>
/// A source file of the layer library, or chosen members of its type, exactly as compiled into this
/// build, shown highlighted in HTML (its plain text is the code itself). In the HTML, long lines wrap
/// instead of being cut, and documentation comments read as text (<c>x &gt; 0</c>, not
/// <c>x &amp;gt; 0</c> between tags). See <see cref="Notebook.Source(string)"/>.
/// </summary>
[TypeFormatterSource(typeof(HtmlAndTextSource<SourceCode>))]
public sealed class SourceCode : IRichDisplay
{
    internal SourceCode(string name, string code, IReadOnlyList<string>? members = null, string? path = null)
    {
        Name = name;
        Code = code;
        Members = members ?? [];
        Path = path ?? $"lib/Backprop/{name}.cs";
    }

    /// <summary>The type's name, e.g. "Affine".</summary>
    public string Name { get; }

    /// <summary>Where the file lives in the repository, e.g. "lib/Backprop/Layers/Affine.cs".</summary>
    public string Path { get; }

    /// <summary>The file's text, or the chosen members' text with their common indentation removed.</summary>
    public string Code { get; }

    /// <summary>The members shown, in the order asked for; empty when the whole file is.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>
    /// What the pane shows, in the edition's language (Resources/SourceNotes.ko.resx, .ja.resx): what Forward computes
    /// and keeps, what Backward returns, the local derivative. Null in English, where the code's own comments say it.
    /// </summary>
    public string? Note => SourceNotes.ResourceManager.GetString(Name, CultureInfo.CurrentUICulture) is { Length: > 0 } note ? note : null;

    /// <summary>The code in a light, bordered box that stays readable under dark editor themes.</summary>
    public string ToHtml() =>
        "<div class=\"backprop-source\" style=\"border:1px solid #d0d7de;border-radius:6px;overflow:hidden;max-width:100%;\">"
        + "<div style=\"background:#f6f8fa;color:#57606a;font:12px sans-serif;padding:4px 10px;border-bottom:1px solid #d0d7de;\">"
        + WebUtility.HtmlEncode(Members.Count == 0 ? Path : $"{Path} · {string.Join(", ", Members)}") + "</div>"
        + (Note is { } note
            ? "<div class=\"backprop-source-note\" style=\"background:#fff8e1;color:#1f2328;font:13px/1.5 sans-serif;padding:6px 10px;border-bottom:1px solid #d0d7de;\">"
              + WebUtility.HtmlEncode(note) + "</div>"
            : "")
        + "<pre style=\"margin:0;padding:10px;background:#ffffff;color:#1f2328;font:13px/1.45 Consolas,'DejaVu Sans Mono',monospace;white-space:pre-wrap;overflow-wrap:anywhere;\"><code>"
        + CSharpHighlighter.Highlight(DocComments.AsText(Code), LibraryReferences) + "</code></pre></div>";

    /// <summary>The library and the packages it builds on, so that their types and methods colour as what they are.</summary>
    private static readonly Assembly[] LibraryReferences =
        [typeof(Affine).Assembly, typeof(Matrix<double>).Assembly, typeof(TensorPrimitives).Assembly];

    /// <summary>The code itself.</summary>
    public override string ToString() => Code;
}
