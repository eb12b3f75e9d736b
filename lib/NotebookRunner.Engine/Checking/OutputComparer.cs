using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Checking;

/// <summary>nbval-style check: each code cell's fresh outputs against the outputs stored in the notebook.</summary>
public static class OutputComparer
{
    public static IReadOnlyList<CellDrift> Compare(Notebook stored, Notebook executed)
    {
        var drifts = new List<CellDrift>();
        var number = 0;
        foreach (var (before, after) in stored.Cells.Zip(executed.Cells).Where(p => p.First.IsCode))
        {
            number++;
            var expected = OutputNormalizer.Lines(before.Outputs);
            var actual = OutputNormalizer.Lines(after.Outputs);
            if (!expected.SequenceEqual(actual))
            {
                drifts.Add(new CellDrift(before.Index, number, LineDiff.Format(expected, actual)));
            }
        }

        return drifts;
    }
}

/// <summary>A code cell whose fresh outputs differ from the stored ones (after normalisation).</summary>
public sealed record CellDrift(int CellIndex, int Number, string Diff);
