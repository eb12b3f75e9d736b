using System.Text.Json.Nodes;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>
/// A check that cannot fail checks nothing. Each notebook runs again with a typical wrong answer in every
/// exercise, and every exercise's check cell must then say that it failed, with the hint that fits.
/// </summary>
public sealed class ExerciseChecksTests
{
    private const string RightMyReluBackward = """
            public Matrix<double> Backward(Matrix<double> dout) =>
                dout.MapIndexed((i, j, d) => mask[i, j] ? 0.0 : d);
        """;

    // The book's own backward: right values, but written into the caller's dout.
    private const string BookMyReluBackward = """
            public Matrix<double> Backward(Matrix<double> dout)
            {
                for (int i = 0; i < dout.RowCount; i++)
                    for (int j = 0; j < dout.ColumnCount; j++)
                        if (mask[i, j]) dout[i, j] = 0;
                return dout;
            }
        """;

    public static TheoryData<string> Notebooks { get; } =
        new("5.4-simple-layers.ipynb", "5.5-activation-layers.ipynb", "5.6-affine-softmax.ipynb");

    private static readonly Dictionary<string, (string Right, string Wrong)[]> WrongAnswers = new()
    {
        ["5.4-simple-layers.ipynb"] =
        [
            ("double dy = -dout * x / (y * y);", "double dy = dout * x / (y * y);"),
            ("-dminusCoupon, dtax);", "dminusCoupon, dtax);"),
        ],
        ["5.5-activation-layers.ipynb"] =
        [
            (RightMyReluBackward, BookMyReluBackward),
            ("output.Map(y => 1 - y * y)", "output.Map(y => y * (1 - y))"),
        ],
        ["5.6-affine-softmax.ipynb"] =
        [
            ("dW = x.Transpose() * dout;", "dW = dout.Transpose() * x;"),
            ("Math.Exp(v - row.Maximum())", "Math.Exp(v)"),
            ("=> dout * (y - t) / y.RowCount;", "=> dout * (y - t);"),
        ],
    };

    private static readonly Dictionary<string, string[]> Hints = new()
    {
        ["5.4-simple-layers.ipynb"] = ["mind the minus sign and the square", "dcoupon: yours 1.1"],
        ["5.5-activation-layers.ipynb"] = ["Backward changed the dout it was given", "multiply dout by 1 − y²"],
        ["5.6-affine-softmax.ipynb"] = ["dW has shape (4,3), W has (3,4). Hint: Xᵀ · dout.", "subtract each row's own maximum", "divide by the batch size"],
    };

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_exercise_check_fails_on_a_wrong_answer(string fileName)
    {
        var stored = NotebookReader.Read(RepositoryPaths.Notebook(fileName));
        var root = (JsonObject)stored.Root.DeepClone();
        foreach (var (right, wrong) in WrongAnswers[fileName])
        {
            var cells = root["cells"]!.AsArray().Where(c => Source(c!).Contains(right.ReplaceLineEndings("\n"), StringComparison.Ordinal)).ToList();
            Assert.True(cells.Count == 1, $"{fileName}: the right answer \"{right.Trim()}\" should be in exactly one cell");
            cells[0]!["source"] = Source(cells[0]!).Replace(right.ReplaceLineEndings("\n"), wrong.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        // Same path, so the set-up cells find build-lib.csx and the library as the real notebook does.
        var broken = new Notebook(root, stored.Format, stored.Style, stored.Path);
        var result = await SharedExecutor.Instance.RunAsync(broken);

        Assert.True(result.Succeeded, string.Join("\n", result.Cells.Where(c => c.IsFailure).Select(c => c.Message)));
        string stdout = string.Concat(result.Executed.Cells.SelectMany(c => c.Outputs)
            .Where(o => o.OutputType == "stream").Select(o => o.Text));
        for (int n = 1; n <= WrongAnswers[fileName].Length; n++)
        {
            Assert.Matches($"Exercise {n} failed", stdout);
            Assert.DoesNotContain($"Exercise {n} passed", stdout, StringComparison.Ordinal);
        }

        Assert.All(Hints[fileName], hint => Assert.Contains(hint, stdout, StringComparison.Ordinal));
    }

    private static string Source(JsonNode cell) => MultilineString.FromJson(cell["source"]) ?? "";
}
