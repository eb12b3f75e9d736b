using NotebookRunner.Engine.Checking;

namespace NotebookRunner.Tests;

/// <summary>The --check diff, as a user reads it: hunks with two lines of context, "- stored" and "+ fresh" lines.</summary>
public sealed class LineDiffTests
{
    private static readonly string[] Stored = ["[stdout]", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];

    [Fact]
    public void Each_change_shows_in_a_hunk_with_two_lines_of_context()
    {
        string[] fresh = ["[stdout]", "a", "B", "c", "d", "e", "f", "g", "h", "i", "j", "k"];

        var diff = LineDiff.Format(Stored, fresh);

        // Written out by hand: line 3 changed (context 2 before, 2 after), line 12 added after the last two lines.
        Assert.Equal(
            """
                @@ -1,5 +1,5 @@
                  [stdout]
                  a
                - b
                + B
                  c
                  d
                @@ -10,2 +10,3 @@
                  i
                  j
                + k

            """.ReplaceLineEndings("\n"),
            diff.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_very_long_line_is_shortened_after_its_mark()
    {
        var diff = LineDiff.Format(["x"], [new string('y', 300)]);

        Assert.Contains("    + " + new string('y', 200) + " …\n", diff.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("    - x\n", diff.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
