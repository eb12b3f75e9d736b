namespace NotebookRunner.Tests.Support;

/// <summary>
/// A browser test whose assertions need a font with an OpenType MATH table (stretched braces and fences are built
/// from its glyph variants; a text font cannot stretch them). Skipped with the reason when chromium or such a font is
/// missing outside CI; under CI it must run.
/// </summary>
public sealed class MathFontFactAttribute : FactAttribute
{
    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts"];

    public MathFontFactAttribute()
    {
        Skip = ExternalTool.SkipReason("chromium", "apt-get install -y chromium") ?? (HasMathFont() || ExternalTool.IsCi
            ? null
            : "no math font is installed (apt-get install -y fonts-dejavu-extra, for DejaVu Math TeX Gyre); run under CI=true to require it");
    }

    /// <summary>Math fonts name themselves so: DejaVuMathTeXGyre.ttf, latinmodern-math.otf, STIXTwoMath-Regular.otf.</summary>
    private static bool HasMathFont() =>
        FontFolders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Any(file => Path.GetFileName(file).Contains("math", StringComparison.OrdinalIgnoreCase) &&
                         Path.GetExtension(file) is ".otf" or ".ttf");
}
