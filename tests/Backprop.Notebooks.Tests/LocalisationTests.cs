using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// What the library prints comes from Resources/Strings.resx, in Korean and Japanese from the ko and ja satellite
/// assemblies; any other UI culture falls back to English; numbers stay invariant whatever the culture.
/// The cultures are real ICU cultures (this project turns InvariantGlobalization off, as the kernel has it).
/// </summary>
public sealed partial class LocalisationTests
{
    private static readonly string ResourcesFolder = Path.Combine(RepositoryFiles.Root, "lib", "Backprop.Notebooks", "Resources");

    /// <summary>
    /// With ICU on, the process would start in the machine's locale; the other tests of this project assert English
    /// messages, so the process starts invariant, as it did with InvariantGlobalization, and each test here sets its own.
    /// </summary>
    [ModuleInitializer]
    internal static void StartInvariant() =>
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;


    /// <summary>Every English .resx of Resources (Strings, and the exercises' when they come) with each edition's language.</summary>
    public static TheoryData<string, string> EnglishFilesAndEditions { get; } = Directory.GetFiles(ResourcesFolder, "*.resx")
        .Select(Path.GetFileNameWithoutExtension).Where(stem => !stem!.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal)
        .Aggregate(new TheoryData<string, string>(), (data, stem) =>
        {
            data.Add(stem!, "ko");
            data.Add(stem!, "ja");
            return data;
        });

    [Theory]
    [MemberData(nameof(EnglishFilesAndEditions))]
    public void Every_english_string_has_a_translation_with_the_same_placeholders(string stem, string language)
    {
        var english = Entries($"{stem}.resx");
        Assert.True(File.Exists(Path.Combine(ResourcesFolder, $"{stem}.{language}.resx")), $"Resources/{stem}.resx has no {language} translation: add Resources/{stem}.{language}.resx");
        var translated = Entries($"{stem}.{language}.resx");
        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{language} {key} is empty");
            Assert.NotEqual(text, translated[key]);
            Assert.True(Placeholders(text).SetEquals(Placeholders(translated[key])), $"{language} {key}: \"{translated[key]}\" has other placeholders than \"{text}\"");
        }
    }

    [Theory]
    [InlineData("ko", "ko")]
    [InlineData("ko-KR", "ko")]
    [InlineData("ja", "ja")]
    [InlineData("ja-JP", "ja")]
    [InlineData("de", "")]
    [InlineData("fr-FR", "")]
    [InlineData("en-US", "")]
    [InlineData("", "")]
    public void Lookups_use_the_satellite_of_the_ui_culture_or_fall_back_to_english(string uiCulture, string expectedFile)
    {
        var expected = Entries(expectedFile.Length == 0 ? "Strings.resx" : $"Strings.{expectedFile}.resx");
        var culture = CultureInfo.GetCultureInfo(uiCulture);
        foreach (var (key, text) in expected)
        {
            Assert.Equal(text, Strings.ResourceManager.GetString(key, culture));
        }
    }

    [Fact]
    public void A_korean_gradient_check_table_has_korean_headings_and_invariant_numbers_under_a_german_locale()
    {
        string text = InCultures("ko", "de-DE", () => Notebook.Check(new GradientCheckResult("W", 3.2e-10, 1.1e-9)).ToString());
        string[] lines = text.Split('\n');
        // Hangul takes two terminal columns: "매개변수" is 8 wide, so "W" is padded to 8 and the numbers line up.
        Assert.Equal("매개변수  최대 절대 오차  상대 오차  통과 여부", lines[0]);
        Assert.Equal("W         3.2e-10         1.1e-09    ✓", lines[1]);
        Assert.Equal("상대 오차가 1.0e-07 미만이면 ✓", lines[2]);
    }

    [Fact]
    public void A_japanese_graph_has_a_japanese_legend()
    {
        string svg = InCultures("ja", "ja-JP", () => Notebook.Graph()
            .Value("x", "x", 0, 0).Operation("mul", "×", 1, 0).Edge("x", "mul", 1.5, 0.25).ToHtml());
        Assert.Contains(">順伝播の値</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">逆伝播の勾配</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">1.5</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_french_student_reads_english_messages_and_points()
    {
        var table = InCultures("fr-FR", "fr-FR", () => Notebook.Check(new GradientCheckResult("b", 0.25, 0.5)).ToString());
        Assert.StartsWith("parameter  max abs error  relative error  pass/fail\nb          2.5e-01        5.0e-01         ✗", table, StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => InCultures("ko", "ko-KR", () => Notebook.Source("NoSuchLayer")));
        Assert.StartsWith("lib/Backprop/NoSuchLayer.cs 소스 파일이 없습니다.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="action"/> in the given UI culture and culture, on this flow only (tests run in parallel).</summary>
    private static T InCultures<T>(string uiCulture, string culture, Func<T> action)
    {
        (CultureInfo ui, CultureInfo numbers) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(uiCulture);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, numbers);
        }
    }

    private static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(Path.Combine(ResourcesFolder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
