using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Tests;

/// <summary>
/// Every throw of lib/Backprop, triggered, in English, Korean and Japanese (Resources/Errors.resx and its ko/ja
/// satellites, chosen by the UI culture). The English is the library's wording as it was before the messages moved
/// to resx (so English notebooks print what they printed); a translation is in its language (Hangul or kana, no two
/// English words in a row outside identifiers) and keeps every shape, number, identifier and path of the English.
/// </summary>
public sealed partial class ErrorMessagesTests : IDisposable
{
    private static readonly string ResourcesFolder = Path.Combine(RepositoryFiles.Root, "lib", "Backprop", "Resources");

    private readonly string folder = Path.Combine(Path.GetTempPath(), "errors-test-" + Guid.NewGuid());

    public ErrorMessagesTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>ICU is on in this project (ko and ja cultures); the process starts invariant as before, each test sets its own.</summary>
    [ModuleInitializer]
    internal static void StartInvariant() =>
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

    private static MatrixBuilder<double> M => Matrix<double>.Build;

    private static VectorBuilder<double> V => Vector<double>.Build;

    /// <summary>Name, the call that throws, the English message (before .NET's " (Parameter …)"), what every language keeps.</summary>
    private IEnumerable<(string Name, Action Throw, string English, string[] Kept)> Cases()
    {
        // Ensure, rule by rule, through the layers that use it.
        yield return ("NotForwarded (object)", () => new Relu().Backward(M.Dense(1, 1)),
            "Relu.Backward was called before Forward: Backward needs the values Forward saves.", ["Relu.Backward", "Forward"]);
        yield return ("NotForwarded (flag)", () => new MulLayer().Backward(1),
            "MulLayer.Backward was called before Forward: Backward needs the values Forward saves.", ["MulLayer.Backward", "Forward"]);
        // AddLayer saves nothing (its local derivatives are 1), so its message must not claim saved values.
        yield return ("NotForwardedNothingSaved", () => new AddLayer().Backward(1),
            "AddLayer.Backward was called before Forward: a backward pass through a node that never ran forward is a wiring mistake; call Forward first.", ["AddLayer.Backward", "Forward"]);
        yield return ("DoutShape", () => { var relu = new Relu(); relu.Forward(M.Dense(3, 20)); relu.Backward(M.Dense(3, 30)); },
            "Relu.Backward: dout has shape (3,30) but the forward output has shape (3,20).", ["Relu.Backward", "dout", "(3,30)", "(3,20)"]);
        yield return ("DoutShape (Affine)", () => { var a = new Affine(M.Dense(6, 4), V.Dense(4)); a.Forward(M.Dense(5, 6)); a.Backward(M.Dense(5, 3)); },
            "Affine.Backward: dout has shape (5,3) but the forward output has shape (5,4).", ["Affine.Backward", "dout", "(5,3)", "(5,4)"]);
        yield return ("ShapesDiffer", () => new SoftmaxWithLoss().Forward(M.Dense(2, 3), M.Dense(2, 4)),
            "x has shape (2,3) but t has shape (2,4).", ["x", "t", "(2,3)", "(2,4)"]);
        yield return ("ShapeOfOther", () => Ensure.Shape(M.Dense(5, 3), 5, 10, "t", "the scores"),
            "t has shape (5,3) but the scores have shape (5,10).", ["t", "(5,3)", "(5,10)"]);
        yield return ("NotAligned", () => new Affine(M.Dense(3, 4), V.Dense(4)).Forward(M.Dense(2, 5)),
            "shapes (2,5) and (3,4) not aligned: 5 (dim 1) != 3 (dim 0)", ["(2,5)", "(3,4)", "5", "3", "dim 1", "dim 0"]);
        yield return ("BiasPerColumn", () => _ = new Affine(M.Dense(3, 4), V.Dense(3)),
            "b has shape (3,) but W has shape (3,4): one bias per column of W.", ["b", "W", "(3,)", "(3,4)"]);
        // Functions and the gradient check.
        yield return ("GradientCheckShapes (matrix)", () => GradientCheck.Compare("W1", M.Dense(2, 2), M.Dense(2, 3)),
            "W1: backprop gradient has shape (2,2) but numerical gradient has shape (2,3).", ["W1", "(2,2)", "(2,3)"]);
        yield return ("GradientCheckShapes (vector)", () => GradientCheck.Compare("b1", V.Dense(2), V.Dense(3)),
            "b1: backprop gradient has shape (2,) but numerical gradient has shape (3,).", ["b1", "(2,)", "(3,)"]);
        yield return ("LabelsPerScoreRow", () => new SoftmaxWithLoss().Forward(M.Dense(2, 3), [0]),
            "labels has shape (1,) but the scores have shape (2,3): one label per row.", ["labels", "(1,)", "(2,3)"]);
        yield return ("LabelOutOfRange", () => new SoftmaxWithLoss().Forward(M.Dense(2, 3), [0, 5]),
            "label 5 (row 1) is outside [0, 3).", ["5", "1", "[0, 3)"]);
        // The optimiser.
        yield return ("LearningRatePositive", () => _ = new Sgd(0), "The learning rate must be a positive number.", []);
        yield return ("GradientShape (vector)", () => new Sgd(0.1).Update(V.Dense(2), V.Dense(3)),
            "gradient has shape (3,) but the parameter has shape (2,).", ["gradient", "(3,)", "(2,)"]);
        yield return ("ShapesDiffer (Sgd matrix)", () => new Sgd(0.1).Update(M.Dense(2, 2), M.Dense(2, 3)),
            "gradient has shape (2,3) but parameter has shape (2,2).", ["gradient", "parameter", "(2,3)", "(2,2)"]);
        // What a layer sets only once it ran.
        yield return ("SetByBackward dW", () => _ = new Affine(M.Dense(2, 2), V.Dense(2)).dW,
            "dW is set by Backward; call Forward and Backward first.", ["dW", "Backward", "Forward"]);
        yield return ("SetByBackward db", () => _ = new Affine(M.Dense(2, 2), V.Dense(2)).db,
            "db is set by Backward; call Forward and Backward first.", ["db", "Backward", "Forward"]);
        yield return ("SetByForward Y", () => _ = new SoftmaxWithLoss().Y, "Y is set by Forward; call Forward first.", ["Y", "Forward"]);
        yield return ("SetByForward Loss", () => _ = new SoftmaxWithLoss().Loss, "Loss is set by Forward; call Forward first.", ["Loss", "Forward"]);
        // The matrix product behind the layers, and NumPy's broadcasting rule.
        yield return ("ProductNotAligned", () => MatrixProduct.Multiply(M.Dense(2, 3), M.Dense(2, 3)),
            "matrix product: shapes (2,3) and (2,3) not aligned.", ["(2,3)"]);
        yield return ("NotBroadcastable", () => Broadcasting.BroadcastShape([3, 2, 4], [4, 1]),
            "operands could not be broadcast together with shapes (3,2,4) (4,1)", ["(3,2,4)", "(4,1)"]);
        // Digits.
        string missing = Path.Combine(folder, "none.csv");
        yield return ("DigitsFileMissing", () => Digits.Load(missing),
            $"The digits file {missing} does not exist (the repository has it as notebooks/data/digits.csv.gz).", [missing, "notebooks/data/digits.csv.gz"]);
        string notGzip = Write("text.csv.gz", "not gzip at all");
        yield return ("NotGzip (digits)", () => Digits.Load(notGzip), $"{notGzip}: not a readable gzip file (the inner exception says why).", [notGzip, "gzip"]);
        string empty = Write("empty.csv", "\n");
        yield return ("NoImages", () => Digits.Load(empty), $"{empty}: no images in the file.", [empty]);
        string pixels64 = string.Join(",", Enumerable.Repeat("0", 64));
        string short_ = Write("short.csv", "1,2,3\n");
        yield return ("DigitsFieldCount", () => Digits.Load(short_), $"{short_}: line 1 has 3 values, expected 64 pixels and a label.", [short_, "1", "3", "64"]);
        string bright = Write("bright.csv", pixels64 + ",1\n17," + string.Join(",", Enumerable.Repeat("0", 63)) + ",1\n");
        yield return ("DigitsPixelRange", () => Digits.Load(bright), $"{bright}: line 2, pixel 0 is 17, outside 0..16.", [bright, "2", "0", "17", "0..16"]);
        string label = Write("label.csv", pixels64 + ",10\n");
        yield return ("DigitsLabelRange", () => Digits.Load(label), $"{label}: line 1 has label 10, outside 0..9.", [label, "1", "10", "0..9"]);
        string word = Write("word.csv", pixels64 + ",x7\n");
        yield return ("DigitsNotWhole", () => Digits.Load(word), $"{word}: line 1 has \"x7\", not a whole number.", [word, "x7"]);
        // MNIST and its IDX files.
        string mnist = Path.Combine(folder, "mnist");
        Directory.CreateDirectory(mnist);
        string images = Path.Combine(mnist, "train-images-idx3-ubyte");
        yield return ("MnistFileMissing", () => Mnist.Load(mnist),
            $"MNIST file missing: neither {images} nor {images}.gz exists. Put the four files ({string.Join(", ", Mnist.FileNames)}, each as is or .gz) in {mnist}.",
            [images, images + ".gz", mnist, string.Join(", ", Mnist.FileNames)]);
        string two = Path.Combine(folder, "two");
        yield return ("MnistCountMismatch", () => { Idx(two, "train", 2, [5, 0, 9]); Mnist.Load(two); },
            $"{Path.Combine(two, "train-images-idx3-ubyte")} has 2 images but {Path.Combine(two, "train-labels-idx1-ubyte")} has 3 labels.",
            [Path.Combine(two, "train-images-idx3-ubyte"), Path.Combine(two, "train-labels-idx1-ubyte"), "2", "3"]);
        string eleven = Path.Combine(folder, "eleven");
        yield return ("MnistBadLabel", () => { Idx(eleven, "train", 2, [5, 11]); Mnist.Load(eleven); },
            $"{Path.Combine(eleven, "train-labels-idx1-ubyte")}: label 1 is 11, not a digit 0..9.", [Path.Combine(eleven, "train-labels-idx1-ubyte"), "1", "11", "0..9"]);
        string magic = Bytes("magic", [0, 0, 8, 1, 0, 0, 0, 0]);
        yield return ("IdxBadMagic", () => IdxFile.ReadImages(magic),
            $"{magic}: bad magic number 0x00000801; an IDX images file starts with 0x00000803.", [magic, "0x00000801", "0x00000803", "IDX"]);
        string header = Bytes("header", [0, 0, 8, 3, 0, 0]);
        yield return ("IdxShortHeader", () => IdxFile.ReadImages(header),
            $"{header}: truncated: 6 bytes, shorter than the 16-byte header of an IDX images file.", [header, "6", "16", "IDX"]);
        string negative = Bytes("negative", [0, 0, 8, 1, 255, 255, 255, 254]);
        yield return ("IdxNegativeSize", () => IdxFile.ReadLabels(negative), $"{negative}: dimension 0 has the negative size -2.", [negative, "0", "-2"]);
        string cut = Bytes("cut", [0, 0, 8, 1, 0, 0, 0, 3, 7]);
        yield return ("IdxTruncatedBody", () => IdxFile.ReadLabels(cut),
            $"{cut}: truncated: the header promises 3 = 3 bytes of labels, but only 1 follow.", [cut, "3 = 3", "1"]);
        string longer = Bytes("long", [0, 0, 8, 1, 0, 0, 0, 1, 7, 8]);
        yield return ("IdxLongBody", () => IdxFile.ReadLabels(longer),
            $"{longer}: the header promises 1 = 1 bytes of labels, but 2 follow.", [longer, "1 = 1", "2"]);
        string idxGzip = Write("labels.gz", "not gzip either");
        yield return ("NotGzip (IDX)", () => IdxFile.ReadLabels(idxGzip), $"{idxGzip}: not a readable gzip file (the inner exception says why).", [idxGzip, "gzip"]);
        // ImageSet.
        yield return ("ImagePixels", () => _ = new ImageSet(M.Dense(2, 5), [0, 1], 10, 2, 3),
            "x has shape (2,5) but images of 2×3 have 6 pixels.", ["x", "(2,5)", "2×3", "6"]);
        yield return ("LabelsPerImageRow", () => _ = new ImageSet(M.Dense(2, 6), [0], 10, 2, 3),
            "labels has shape (1,) but x has shape (2,6): one label per row.", ["labels", "x", "(1,)", "(2,6)"]);
        yield return ("LabelOutOfRange (ImageSet)", () => _ = new ImageSet(M.Dense(2, 6), [0, 10], 10, 2, 3),
            "label 10 (row 1) is outside [0, 10).", ["10", "1", "[0, 10)"]);
        yield return ("TestFraction", () => new ImageSet(M.Dense(2, 6), [0, 1], 10, 2, 3).StratifiedSplit(1.5, 0),
            "testFraction must be between 0 and 1.", ["testFraction", "0", "1"]);
    }

    [Fact]
    public void Every_throw_speaks_english_korean_and_japanese_and_keeps_shapes_names_and_numbers()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var (name, @throw, english, kept) in Cases())
        {
            count++;
            foreach (string language in (string[])["", "ko", "ja"])
            {
                string message = InUiCulture(language, () => Core(Assert.ThrowsAny<Exception>(@throw)));
                string where = $"{name} [{(language.Length == 0 ? "en" : language)}]: \"{message}\"";
                if (language.Length == 0 && message != english)
                {
                    failures.Add($"{where} is not the English \"{english}\"");
                }

                if (language == "ko" && (!Hangul().IsMatch(message) || Kana().IsMatch(message)))
                {
                    failures.Add($"{where} is not Korean");
                }

                if (language == "ja" && (!Kana().IsMatch(message) || Hangul().IsMatch(message)))
                {
                    failures.Add($"{where} is not Japanese");
                }

                if (language.Length > 0 && EnglishRun(message) is { } run)
                {
                    failures.Add($"{where} has the English \"{run}\"");
                }

                failures.AddRange(kept.Where(k => !message.Contains(k, StringComparison.Ordinal)).Select(k => $"{where} lost \"{k}\""));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Every throw statement in lib/Backprop: 39 with the two messages of IdxFile's body check and Ensure.Ran
        // (AddLayer); Ensure's Forwarded and SameShape are reached twice above (object and flag, two layers).
        Assert.Equal(42, count);
    }

    [Fact]
    public void Every_throw_of_the_library_takes_its_message_from_the_resources()
    {
        // A throw with a literal or interpolated English sentence would stay English in every edition.
        var literal = new List<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "lib", "Backprop"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains("throw new", StringComparison.Ordinal))
                {
                    string statement = string.Join(" ", lines.Skip(i).Take(4));
                    statement = statement[..(statement.IndexOf(';') is var end and >= 0 ? end : statement.Length)];
                    if (SentenceLiteral().IsMatch(statement))
                    {
                        literal.Add($"{Path.GetFileName(file)}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.True(literal.Count == 0, string.Join("\n", literal));
    }

    [Theory]
    [InlineData("ko")]
    [InlineData("ja")]
    public void Every_key_is_translated_with_the_same_placeholders(string language)
    {
        var english = Entries("Errors.resx");
        var translated = Entries($"Errors.{language}.resx");
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{language} {key} is empty");
            Assert.True(Placeholders(text).SetEquals(Placeholders(translated[key])),
                $"{language} {key}: \"{translated[key]}\" has other placeholders than \"{text}\"");
        }
    }

    [Fact]
    public void The_english_run_check_catches_what_the_korean_edition_printed_before()
    {
        // The verdict the Korean reader saw (reviews/ko.md T3), and the same with the library's message translated.
        Assert.Equal("was called", EnglishRun("작성한 CouponShop에서 InvalidOperationException 예외가 발생했습니다: MulLayer.Backward was called before Forward: Backward needs the values Forward saves. 힌트: 계층의 Backward는"));
        Assert.Null(EnglishRun("작성한 CouponShop에서 InvalidOperationException 예외가 발생했습니다: MulLayer.Backward가 Forward보다 먼저 호출되었습니다. 힌트: 계층의 Backward는"));
        Assert.Equal("Forward Backward", EnglishRun("順伝播 Forward Backward です"));
    }

    [Fact]
    public void A_french_student_reads_english_and_numbers_stay_invariant_under_a_comma_culture()
    {
        string message = InUiCulture("fr-FR", () => Assert.Throws<InvalidOperationException>(() => new Relu().Backward(M.Dense(1, 1))).Message);
        Assert.Equal("Relu.Backward was called before Forward: Backward needs the values Forward saves.", message);
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            string labels = InUiCulture("ko", () => Core(Assert.ThrowsAny<Exception>(() => Digits.Load(Write("big.csv", string.Join(",", Enumerable.Repeat("0", 64)) + ",12345\n")))));
            Assert.Contains("12345", labels, StringComparison.Ordinal);
            Assert.DoesNotContain("12.345", labels, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>
    /// The first two consecutive English words of <paramref name="text"/>, or null. A word is a token of letters only,
    /// lower case after its first letter (so "was", "Backward"); identifiers are not words (MulLayer.Backward, dW,
    /// InvalidOperationException, train-images-idx3-ubyte, IDX) and a token holding Hangul or kana is not English.
    /// </summary>
    internal static string? EnglishRun(string text)
    {
        string? previous = null;
        foreach (string raw in text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            string token = raw.Trim('.', ',', ':', ';', '(', ')', '"', '\'', '!', '?', '、', '。', '：', '（', '）', '「', '」');
            string? word = EnglishWord().IsMatch(token) ? token : null;
            if (word is not null && previous is not null)
            {
                return previous + " " + word;
            }

            previous = word;
        }

        return null;
    }

    /// <summary>The message without .NET's English " (Parameter 'x')" and "Actual value was …", which the graders cut.</summary>
    private static string Core(Exception e) =>
        e is ArgumentException { ParamName: { Length: > 0 } name } && e.Message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal) is var at and >= 0
            ? e.Message[..at]
            : e.Message;

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Bytes(string name, byte[] bytes)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A set of MNIST training files in <paramref name="dir"/>: <paramref name="count"/> 1×1 images and the labels given.</summary>
    private static void Idx(string dir, string prefix, int count, byte[] labels)
    {
        Directory.CreateDirectory(dir);
        var header = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, 0x00000803);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 1);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), 1);
        File.WriteAllBytes(Path.Combine(dir, $"{prefix}-images-idx3-ubyte"), [.. header, .. new byte[count]]);
        var labelHeader = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(labelHeader, 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(labelHeader.AsSpan(4), labels.Length);
        File.WriteAllBytes(Path.Combine(dir, $"{prefix}-labels-idx1-ubyte"), [.. labelHeader, .. labels]);
        foreach (string other in (string[])["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])
        {
            File.Copy(Path.Combine(dir, $"{prefix}-{other[5..]}"), Path.Combine(dir, other), overwrite: true);
        }
    }

    private static T InUiCulture<T>(string culture, Func<T> action)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(Path.Combine(ResourcesFolder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z][a-z]+$")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    [GeneratedRegex(@"[\u3040-\u30FF]")]
    private static partial Regex Kana();

    /// <summary>A string literal, plain or interpolated, with two words in a row: an English sentence in the code.</summary>
    [GeneratedRegex(@"\$?""[^""]*[A-Za-z]{2,} [A-Za-z]{2,}[^""]*""")]
    private static partial Regex SentenceLiteral();
}
