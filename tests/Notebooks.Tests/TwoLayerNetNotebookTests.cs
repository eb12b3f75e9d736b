using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookRunner.Engine.Checking;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>
/// 5.7: the two-layer network checked, timed and trained on the digits. Its exercises ship as stubs, so
/// instead of <see cref="NotebookContract{TRun}"/>'s "every exercise passes as shipped" it checks three runs:
/// as shipped (each check says "not done yet"); ExerciseChecksTests runs it with the solutions in
/// Solutions/5.7-two-layer-net/ (each passes) and with typical wrong answers (each fails, with its hint).
/// </summary>
public sealed partial class TwoLayerNetNotebookTests(TwoLayerNetRun run) : IClassFixture<TwoLayerNetRun>
{
    private const string FileName = "5.7-two-layer-net.ipynb";

    // The checks that show a bug (or a check's blind spot) on purpose; every other check must pass.
    private static readonly string[] PitfallChecks =
        ["W1 (seed 0, input at the kink)", "b1 (seed 0, input at the kink)", "W1 (layers in forward order)"];

    // Each exercise's stub cell is found by its signature; the solution file replaces the whole cell.
    private static readonly (string Signature, string Solution)[] Exercises =
    [
        ("Matrix<double> BackwardThrough(", "exercise-1.cs"),
        ("List<ILayer> ThreeLayers(", "exercise-2.cs"),
    ];

    [Fact]
    public void Every_code_cell_runs_and_only_tagged_cells_raise()
    {
        Assert.True(run.Result.Succeeded && run.Result.Skipped == 0,
            string.Join("\n", run.Result.Cells.Where(c => c.Status is not (CellRunStatus.Passed or CellRunStatus.ExpectedError))
                .Select(c => $"cell {c.Number}: {c.Status} {c.Message}")));
        foreach (var (cell, outcome) in run.Stored.Cells.Where(c => c.IsCode).Zip(run.Result.Cells))
        {
            var expected = cell.RaisesException ? CellRunStatus.ExpectedError : CellRunStatus.Passed;
            Assert.True(expected == outcome.Status, $"cell {outcome.Number}: expected {expected}, was {outcome.Status} {outcome.Message}");
        }
    }

    [Fact]
    public void Stored_outputs_are_what_a_fresh_run_prints()
    {
        var drifts = OutputComparer.Compare(run.Stored, run.Executed);
        Assert.True(drifts.Count == 0,
            "stored outputs are stale; run `dotnet run --project lib/NotebookRunner -- run notebooks/5.7-two-layer-net.ipynb --update`.\n" +
            string.Join("\n", drifts.Select(d => $"cell {d.Number}:\n{d.Diff}")));
    }

    [Fact]
    public void Gradient_checks_pass_except_the_pitfalls()
    {
        var rows = run.CheckRows;
        Assert.Contains(rows, r => r.Parameter == "W1");   // the main check, per parameter
        Assert.All(rows, row => Assert.True(row.Passed != PitfallChecks.Contains(row.Parameter),
            $"gradient check \"{row.Parameter}\" {(row.Passed ? "passed" : "failed")}"));
        Assert.All(PitfallChecks, name => Assert.Contains(rows, row => row.Parameter == name));
    }

    [Fact]
    public void The_books_gradient_check_prints_small_mean_differences_for_every_parameter()
    {
        foreach (string key in new[] { "W1", "b1", "W2", "b2" })
        {
            // gradient_check.py's line: key, a colon, the mean absolute difference.
            var match = Regex.Match(run.Stdout, $@"^{key}: (?<mean>\d\.\de-\d\d)$", RegexOptions.Multiline);
            Assert.True(match.Success, $"no \"{key}: mean\" line");
            // The δ = 1e-7 in the log bounds the agreement (about 1e-7 for b2, less for the others).
            Assert.InRange(double.Parse(match.Groups["mean"].Value, CultureInfo.InvariantCulture), 1e-12, 1e-6);
        }
    }

    [Fact]
    public void Times_both_gradients_and_backprop_is_the_faster()
    {
        Assert.Contains("numerical  7520 forward", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("The numerical gradient is more than 100 times slower.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_prints_each_epoch_and_ends_at_95_percent_or_more_on_the_test_set()
    {
        var epochs = EpochLine().Matches(run.Stdout);
        Assert.Equal(40, epochs.Count);
        Assert.Equal(Enumerable.Range(1, 40), epochs.Select(m => int.Parse(m.Groups["epoch"].Value, CultureInfo.InvariantCulture)));
        double final = double.Parse(Regex.Match(run.Stdout, @"final test accuracy: (\S+)\n").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(final >= 0.95, $"final test accuracy {final}");
        Assert.Equal(epochs[^1].Groups["test"].Value, final.ToString("F4", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Draws_loss_and_accuracy_charts_and_misclassified_digits()
    {
        Assert.True(Regex.Matches(run.AllText, "Plotly.newPlot\\(").Count >= 3);
        Assert.Contains("\"name\":\"mini-batch loss\"", run.AllText, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"test acc\"", run.AllText, StringComparison.Ordinal);
        var wrong = Regex.Match(run.Stdout, @"(\d+) of 450 test digits misclassified");
        Assert.True(wrong.Success);
        int shown = Math.Min(10, int.Parse(wrong.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(shown, Regex.Matches(run.AllText, "<figcaption[^>]*>said \\d, is \\d</figcaption>").Count);
    }

    [Fact]
    public void The_pitfalls_show_what_they_say()
    {
        Assert.Contains("η = 10:  test acc after each epoch 0.10 0.10", run.Stdout, StringComparison.Ordinal);
        // The text says the overshooting steps killed every hidden unit (ReLU passes nothing for any image).
        Assert.Contains("η = 10: hidden units that pass anything for some image: 0 of 50", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("η = 10: scores that still vary from image to image: 0 of 10", run.Stdout, StringComparison.Ordinal);
        var copy = Regex.Match(run.Stdout, @"copy:     loss (\S+) → (\S+)\nin place: loss (\S+) → (\S+)\n");
        Assert.True(copy.Success);
        Assert.Equal(copy.Groups[1].Value, copy.Groups[2].Value);
        Assert.True(double.Parse(copy.Groups[4].Value, CultureInfo.InvariantCulture) < double.Parse(copy.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void As_shipped_the_exercises_are_stubs_whose_checks_say_not_done_yet()
    {
        Assert.Contains("Exercise 1 not done yet: where a backward pass begins, see Softmax-with-Loss in 5.6", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exercise 2 not done yet: the five layers the exercise names", run.Stdout, StringComparison.Ordinal);
        // A hint says where to look, not what to write.
        Assert.DoesNotContain("last.Backward()", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("new Relu()", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"Exercise \d (passed|failed)", run.Stdout);
        Assert.All(Exercises, e => Assert.Single(run.Stored.Cells, c => c.IsCode && c.Source.Contains(e.Signature, StringComparison.Ordinal)
            && c.Source.Contains("throw new NotImplementedException(", StringComparison.Ordinal)));
    }

    [Fact]
    public void Exercise_1_is_tried_before_the_network_shows_its_backward_loop()
    {
        var code = run.Stored.Cells.Where(c => c.IsCode).Select(c => c.Source).ToList();
        int stub = code.FindIndex(s => s.Contains(Exercises[0].Signature, StringComparison.Ordinal));
        int check = code.FindIndex(s => s.StartsWith("// Check exercise 1", StringComparison.Ordinal));
        int pane = code.FindIndex(s => s.Contains("Notebook.Source(\"TwoLayerNet\")", StringComparison.Ordinal));
        Assert.True(stub >= 0 && check > stub, $"exercise 1: stub at code cell {stub}, check at {check}");
        Assert.True(pane > check, $"the TwoLayerNet pane (code cell {pane}) shows the backward loop before exercise 1's check (code cell {check})");
    }

    [GeneratedRegex(@"^epoch +(?<epoch>\d+): train acc (?<train>\d\.\d{4}), test acc (?<test>\d\.\d{4})$", RegexOptions.Multiline)]
    private static partial Regex EpochLine();
}
