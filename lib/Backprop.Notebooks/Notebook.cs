using System.Globalization;
using System.Reflection;
using Backprop.Notebooks.Display;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks;

/// <summary>
/// What a chapter notebook needs beyond the layer library: one <see cref="Setup"/> call for the
/// formatters, the library's own source on display, gradient-check tables and graph figures.
/// </summary>
public static class Notebook
{
    private const string SourcePrefix = "Backprop.Source.";
    private const string SourceSuffix = ".cs";

    /// <summary>
    /// Registers the formatters: Matrix/Vector/Tensor of double print as NumPy text (an HTML table on
    /// request with <c>display(m, "text/html")</c>), Plotly.NET charts draw inline. Safe to call again.
    /// First it lets Plotly.NET 6 find the kernel's FSharp.Core (see <see cref="FSharpCoreRedirect"/>), before
    /// the formatters touch any Plotly.NET type.
    /// Numbers format in the invariant culture whatever the machine's locale (0.5, never 0,5, as Python prints
    /// them); <paramref name="language"/> (an edition's "en", "ko", "ja") sets the UI culture of the messages the
    /// library prints; without it the student's own UI culture stays.
    /// </summary>
    public static void Setup(string? language = null)
    {
        FSharpCoreRedirect.Install();
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (language is not null)
        {
            CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        }

        Formatters.Register();
    }

    /// <summary>The names <see cref="Source(string)"/> accepts: every source file of lib/Backprop.</summary>
    public static IReadOnlyList<string> SourceNames { get; } =
        typeof(Notebook).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(SourcePrefix, StringComparison.Ordinal) && n.EndsWith(SourceSuffix, StringComparison.Ordinal))
            .Select(n => n[SourcePrefix.Length..^SourceSuffix.Length])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// lib/Backprop/…/<paramref name="typeName"/>.cs as it was compiled into this build, so the notebook
    /// shows the code that actually runs and never drifts from the library.
    /// </summary>
    /// <exception cref="ArgumentException">No such file; the message lists the names there are.</exception>
    public static SourceCode Source(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        // Forgive "Affine.cs" and "affine": the name a student types, not the exact resource name.
        string wanted = typeName.EndsWith(SourceSuffix, StringComparison.OrdinalIgnoreCase) ? typeName[..^SourceSuffix.Length] : typeName;
        string? name = SourceNames.FirstOrDefault(n => n == wanted)
            ?? SourceNames.FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, Strings.SourceNotFound, wanted, string.Join(", ", SourceNames)), nameof(typeName));
        }

        string resource = SourcePrefix + name + SourceSuffix;
        using Stream stream = typeof(Notebook).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        // The file's place in lib/Backprop (e.g. Layers/Affine.cs), which the build records beside the resource.
        string? path = typeof(Notebook).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == resource)?.Value;
        return new SourceCode(name, reader.ReadToEnd(), path: path is null ? null : "lib/Backprop/" + path);
    }

    /// <summary>
    /// Only the members <paramref name="member"/>, <paramref name="moreMembers"/>… of the type in
    /// lib/Backprop/…/<paramref name="typeName"/>.cs, every overload of each, in the order named, with their
    /// comments: <c>Notebook.Source("Affine", "Forward", "Backward")</c> shows the math without the rest.
    /// </summary>
    /// <exception cref="ArgumentException">No such file, or no such member; the message lists the names there are.</exception>
    public static SourceCode Source(string typeName, string member, params string[] moreMembers)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(moreMembers);
        SourceCode file = Source(typeName);
        string[] members = [member, .. moreMembers];
        return new SourceCode(file.Name, SourceMembers.Extract(file.Code, file.Name, members), members, file.Path);
    }

    /// <summary>A table of gradient checks: parameter | max abs error | relative error | ✓ or ✗.</summary>
    public static GradientCheckTable Check(params GradientCheckResult[] results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new GradientCheckTable([.. results]);
    }

    /// <summary>
    /// Rows as aligned text columns, two spaces apart, each as wide as its widest cell: for a table printed with
    /// Console.Write, where a Korean or Japanese character takes two columns (a format's alignment, {x,-10}, counts
    /// characters, so translated labels would not line up).
    /// </summary>
    public static string Columns(params string[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var (r, row) in rows.Index())
        {
            if (row is null)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, Errors.ColumnsNullRow, r + 1), nameof(rows));
            }

            if (Array.IndexOf(row, null) is var column and >= 0)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, Errors.ColumnsNullCell, r + 1, column + 1), nameof(rows));
            }
        }

        return TextWidth.Table(rows);
    }

    /// <summary>An empty computational graph to add nodes and edges to; displays as an inline SVG figure.</summary>
    public static ComputationalGraph Graph() => new();
}
