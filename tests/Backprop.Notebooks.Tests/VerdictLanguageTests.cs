using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// issue 21: what a Korean or Japanese student reads when their code throws is in their language, start to end. Each
/// chapter's grader is run on a wrong answer that makes the layer library throw (Backward before Forward, a dout of
/// the wrong shape), on one that makes MathNet throw and on one where the runtime throws; the whole verdict must hold
/// Hangul or kana and no two English words in a row outside identifiers, and still name the layer, method and shapes.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class VerdictLanguageTests
{
    private static MatrixBuilder<double> M => Matrix<double>.Build;

    public static TheoryData<string, string> WrongAnswersAndLanguages { get; } = WrongAnswers().Keys
        .SelectMany(name => new[] { "ko", "ja" }.Select(language => (name, language)))
        .Aggregate(new TheoryData<string, string>(), (data, c) =>
        {
            data.Add(c.name, c.language);
            return data;
        });

    /// <summary>A wrong answer per chapter: the grader's call and what its verdict must still name.</summary>
    private static Dictionary<string, (Action Grade, string[] Named)> WrongAnswers() => new()
    {
        // 5.4: MulLayer.Backward before Forward inside the coupon shop.
        ["5.4 CouponShop, Backward before Forward"] = (() => Grader.CouponShop(2, (_, _, _, _, _, _) =>
        {
            var (dx, dy) = new MulLayer().Backward(1);
            return (0, dx, dy, 0, 0, 0, 0);
        }), ["CouponShop", "InvalidOperationException", "MulLayer.Backward", "Forward"]),
        // 5.4: the runtime's own exception in the student's code.
        ["5.4 CouponShop, index outside the array"] = (() => Grader.CouponShop(2, (_, _, _, _, _, _) =>
        {
            double[] d = new double[1];
            return (d[0], d[1], 0, 0, 0, 0, 0);
        }), ["CouponShop", "IndexOutOfRangeException"]),
        // 5.5: a ReLU whose Backward hands the library's Relu a transposed dout.
        ["5.5 ReluLayer, dout of the wrong shape"] = (() => Grader.ReluLayer(1, () => new TransposingRelu()),
            ["ArgumentException", "Relu.Backward", "dout", "(4,2)", "(2,4)"]),
        // 5.6: Backward on an Affine that never ran Forward.
        ["5.6 AffineBackward, Backward before Forward"] = (() => Grader.AffineBackward(1, (w, b) => new ForgetfulAffine(w, b), l => (l.dW, l.db)),
            ["InvalidOperationException", "Affine.Backward", "Forward"]),
        // 5.6: dout · W instead of dout · Wᵀ: MathNet's "Matrix dimensions must agree: op1 is 2x3, op2 is 4x3".
        ["5.6 AffineBackward, dout times W"] = (() => Grader.AffineBackward(1, (w, b) => new UntransposedAffine(w, b), l => (l.dW, l.db)),
            ["ArgumentException"]),
        // 5.7: the layers walked forwards in the backward loop: layer1 gets layer2's dout.
        ["5.7 BackwardThroughLayers, layers not reversed"] = (() => Grader.BackwardThroughLayers(1, (layers, last) =>
        {
            var dout = last.Backward();
            foreach (var layer in layers)
            {
                dout = layer.Backward(dout);
            }

            return dout;
        }), ["BackwardThrough", "ArgumentException", "Affine.Backward", "dout", "(5,3)", "(5,4)"]),
    };

    [Theory]
    [MemberData(nameof(WrongAnswersAndLanguages))]
    public void A_verdict_on_code_that_throws_is_wholly_in_the_editions_language(string wrongAnswer, string language)
    {
        var (grade, named) = WrongAnswers()[wrongAnswer];
        string verdict = Printed(grade, language);
        Assert.Matches(language == "ko" ? Hangul() : Kana(), verdict);
        Assert.Null(EnglishRun(verdict));
        foreach (string name in named)
        {
            Assert.Contains(name, verdict, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mathnets_dimension_message_becomes_a_sentence_with_both_shapes()
    {
        // The student's dx = dout·W: dout is 2×3 (two rows, three outputs) and W is 4×3, as the grader's Affine has it.
        string ko = Printed(WrongAnswers()["5.6 AffineBackward, dout times W"].Grade, "ko");
        string en = Printed(WrongAnswers()["5.6 AffineBackward, dout times W"].Grade, "");
        var shapes = MathNetShapes().Match(en);
        Assert.True(shapes.Success, en);
        Assert.Contains($"({shapes.Groups[1].Value},{shapes.Groups[2].Value})", ko, StringComparison.Ordinal);
        Assert.Contains($"({shapes.Groups[3].Value},{shapes.Groups[4].Value})", ko, StringComparison.Ordinal);
        Assert.DoesNotContain("must agree", ko, StringComparison.Ordinal);
    }

    [Fact]
    public void In_english_the_verdict_keeps_the_exceptions_own_words()
    {
        string said = Printed(WrongAnswers()["5.7 BackwardThroughLayers, layers not reversed"].Grade, "");
        Assert.Contains("threw ArgumentException: Affine.Backward: dout has shape (5,3) but the forward output has shape (5,4).", said, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_fails_on_the_verdicts_the_readers_saw_before()
    {
        // reviews/ko.md T3 and reviews/ja.md T2, verbatim: the library's English inside a Korean or Japanese verdict.
        Assert.Equal("was called", EnglishRun("연습 문제 2 실패: 작성한 CouponShop에서 InvalidOperationException 예외가 발생했습니다: MulLayer.Backward was called before Forward: Backward needs the values Forward saves. 힌트: 계층의 Backward는"));
        Assert.Equal("dout has", EnglishRun("あなたの BackwardThrough で例外 ArgumentException が発生しました（Affine.Backward: dout has shape (5,3) but the forward output has shape (5,4). (Parameter 'dout')）。ヒント："));
        Assert.Equal("Index was", EnglishRun("작성한 CouponShop에서 IndexOutOfRangeException 예외가 발생했습니다: Index was outside the bounds of the array. 힌트:"));
        Assert.Null(EnglishRun("작성한 CouponShop에서 InvalidOperationException 예외가 발생했습니다: MulLayer.Backward가 Forward보다 먼저 호출되었습니다."));
    }

    /// <summary>Every type a notebook of any edition shows in a source pane has a Korean and a Japanese note; English has none.</summary>
    [Fact]
    public void Every_source_pane_of_the_notebooks_has_a_korean_and_a_japanese_note()
    {
        string notebooks = Path.Combine(RepositoryFiles.Root, "notebooks");
        var shown = Directory.GetFiles(notebooks, "*.ipynb", SearchOption.AllDirectories)
            .SelectMany(f => SourceCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("MulLayer", shown);
        Assert.Contains("TwoLayerNet", shown);
        foreach (string type in shown)
        {
            Assert.Null(InUi("", () => Notebook.Source(type).Note));
            Assert.DoesNotContain("backprop-source-note", InUi("", () => Notebook.Source(type).ToHtml()), StringComparison.Ordinal);
            foreach (var (language, script) in new[] { ("ko", Hangul()), ("ja", Kana()) })
            {
                string? note = InUi(language, () => Notebook.Source(type).Note);
                Assert.True(note is not null && script.IsMatch(note), $"{type} has no {language} note");
                Assert.Contains(WebUtility.HtmlEncode(note), InUi(language, () => Notebook.Source(type).ToHtml()), StringComparison.Ordinal);
            }
        }

        // A pane of chosen members (5.6 shows Affine's Forward and Backward) carries its type's note too.
        Assert.Contains(WebUtility.HtmlEncode(InUi("ja", () => Notebook.Source("Affine").Note)!),
            InUi("ja", () => Notebook.Source("Affine", "Forward", "Backward").ToHtml()), StringComparison.Ordinal);
    }

    /// <summary>
    /// The first two consecutive English words of <paramref name="text"/>, or null. A word is a token of letters only,
    /// lower case after its first letter ("was", "Index", "Backward"); identifiers are not words (MulLayer.Backward,
    /// dW, InvalidOperationException, (5,3)), and a token holding Hangul or kana is not English. Tokens are split at
    /// white space and at the Japanese brackets and colon, which join words without a space.
    /// </summary>
    internal static string? EnglishRun(string text)
    {
        string? previous = null;
        foreach (string raw in text.Split((char[])[' ', '\n', '\t', '（', '）', '：', '「', '」', '、', '。'], StringSplitOptions.RemoveEmptyEntries))
        {
            string token = raw.Trim('.', ',', ':', ';', '(', ')', '"', '\'', '!', '?');
            string? word = EnglishWord().IsMatch(token) ? token : null;
            if (word is not null && previous is not null)
            {
                return previous + " " + word;
            }

            previous = word;
        }

        return null;
    }

    private static string Printed(Action grade, string language)
    {
        var before = (Console.Out, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var output = new StringWriter { NewLine = "\n" };
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            Console.SetOut(output);
            grade();
        }
        finally
        {
            Console.SetOut(before.Out);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before.CurrentCulture, before.CurrentUICulture);
        }

        return output.ToString();
    }

    private static T InUi<T>(string language, Func<T> action)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][a-z]+$")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    [GeneratedRegex(@"[\u3040-\u30FF]")]
    private static partial Regex Kana();

    [GeneratedRegex(@"op1 is (\d+)x(\d+), op2 is (\d+)x(\d+)")]
    private static partial Regex MathNetShapes();

    [GeneratedRegex(@"Notebook\.Source\(\\""(\w+)\\""")]
    private static partial Regex SourceCall();

    /// <summary>A ReLU that hands the library's Relu its dout transposed: (4,2) for a (2,4) output.</summary>
    private sealed class TransposingRelu : ILayer
    {
        private readonly Relu relu = new();

        public Matrix<double> Forward(Matrix<double> x) => relu.Forward(x);

        public Matrix<double> Backward(Matrix<double> dout) => relu.Backward(dout.Transpose());
    }

    /// <summary>An Affine whose Backward asks a fresh library Affine, one that never ran Forward.</summary>
    private sealed class ForgetfulAffine(Matrix<double> W, Vector<double> b) : ILayer
    {
        public Matrix<double> dW { get; private set; } = M.Dense(1, 1);

        public Vector<double> db { get; private set; } = Vector<double>.Build.Dense(1);

        public Matrix<double> Forward(Matrix<double> x) => new Affine(W, b).Forward(x);

        public Matrix<double> Backward(Matrix<double> dout) => new Affine(W, b).Backward(dout);
    }

    /// <summary>dx = dout·W: MathNet refuses the product.</summary>
    private sealed class UntransposedAffine(Matrix<double> W, Vector<double> b) : ILayer
    {
        private Matrix<double> x = M.Dense(1, 1);

        public Matrix<double> dW { get; private set; } = M.Dense(1, 1);

        public Vector<double> db { get; private set; } = Vector<double>.Build.Dense(1);

        public Matrix<double> Forward(Matrix<double> x)
        {
            this.x = x;
            return (x * W).MapIndexed((_, j, v) => v + b[j]);
        }

        public Matrix<double> Backward(Matrix<double> dout)
        {
            var dx = dout * W;
            dW = x.Transpose() * dout;
            db = dout.ColumnSums();
            return dx;
        }
    }
}
