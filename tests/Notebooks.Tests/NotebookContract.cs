using System.Text.RegularExpressions;
using NotebookRunner.Engine.Checking;
using NotebookRunner.Engine.Execution;

namespace Notebooks.Tests;

/// <summary>
/// What every chapter notebook promises, checked on one execution through the runner's engine: every cell
/// runs (cells tagged raises-exception raise), the committed outputs are what a fresh run produces, every
/// exercise check runs without failing as shipped, every gradient check passes except the pitfalls that are meant to fail, and
/// there is a chart.
/// </summary>
public abstract partial class NotebookContract<TRun>(TRun run) : IClassFixture<TRun>
    where TRun : ExecutedNotebook
{
    protected TRun Run { get; } = run;

    /// <summary>The gradient-check rows that show a bug on purpose (the "Common pitfalls"); all others must pass.</summary>
    protected abstract IReadOnlyCollection<string> PitfallChecks { get; }

    [Fact]
    public void Every_code_cell_runs()
    {
        var failures = Run.Result.Cells.Where(c => c.Status is not (CellRunStatus.Passed or CellRunStatus.ExpectedError));
        Assert.True(
            Run.Result.Succeeded && Run.Result.Skipped == 0,
            string.Join("\n", failures.Select(c => $"{Run} cell {c.Number}: {c.Status} {c.Message}")));
    }

    [Fact]
    public void Only_cells_tagged_raises_exception_raise()
    {
        foreach (var (cell, outcome) in Run.Stored.Cells.Where(c => c.IsCode).Zip(Run.Result.Cells))
        {
            var expected = cell.RaisesException ? CellRunStatus.ExpectedError : CellRunStatus.Passed;
            Assert.True(expected == outcome.Status, $"{Run} cell {outcome.Number}: expected {expected}, was {outcome.Status} {outcome.Message}");
        }
    }

    [Fact]
    public void Stored_outputs_are_what_a_fresh_run_prints()
    {
        var drifts = OutputComparer.Compare(Run.Stored, Run.Executed);
        Assert.True(
            drifts.Count == 0,
            $"{Run}: stored outputs are stale; run `dotnet run --project lib/NotebookRunner -- run notebooks --update`.\n" +
            string.Join("\n", drifts.Select(d => $"cell {d.Number}:\n{d.Diff}")));
    }

    [Fact]
    public void Every_exercise_check_runs_green_as_shipped()
    {
        // Exercises ship stubs, so a check says "not done yet"; ExerciseChecksTests runs them with answers.
        var exercises = Run.Stored.Cells.Where(c => c.CellType == "markdown")
            .SelectMany(c => ExerciseHeading().Matches(c.Source).Select(m => int.Parse(m.Groups[1].Value)))
            .ToList();
        Assert.InRange(exercises.Count, 2, 3);
        foreach (int n in exercises)
        {
            Assert.Matches($@"Exercise {n} (not done yet|passed)", Run.Stdout);
        }

        Assert.DoesNotMatch(@"Exercise \d+ failed", Run.Stdout);
    }

    [Fact]
    public void Gradient_checks_pass_except_the_pitfalls()
    {
        var rows = Run.CheckRows;
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(
            row.Passed != PitfallChecks.Contains(row.Parameter),
            $"{Run}: gradient check \"{row.Parameter}\" {(row.Passed ? "passed" : "failed")}"));
        Assert.All(PitfallChecks, name => Assert.Contains(rows, row => row.Parameter == name));
    }

    [Fact]
    public void Draws_a_plotly_chart()
    {
        Assert.Contains("Plotly.newPlot(", Run.AllText, StringComparison.Ordinal);
    }

    /// <summary>Asserts that the stdout of the notebook contains <paramref name="text"/> verbatim.</summary>
    protected void AssertPrinted(string text) => Assert.Contains(text.ReplaceLineEndings("\n"), Run.Stdout, StringComparison.Ordinal);

    [GeneratedRegex(@"^###\s+Exercise\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex ExerciseHeading();
}
