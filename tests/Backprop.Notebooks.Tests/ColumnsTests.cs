using Backprop.Notebooks;
using Xunit;

namespace Backprop.Notebooks.Tests;

public class ColumnsTests
{
    [Fact]
    public void Columns_are_as_wide_as_their_widest_cell_two_spaces_apart_without_trailing_spaces()
    {
        string table = Notebook.Columns(
            new[] { "method", "passes", "time" },
            new[] { "backprop", "1 forward", "0.044 ms" });

        Assert.Equal("method    passes     time\nbackprop  1 forward  0.044 ms\n", table.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_Korean_or_Japanese_character_takes_two_columns_so_translated_labels_line_up()
    {
        // "수치 미분" is 4 Hangul and a space: 9 columns, against "ms" 2, so "ms" gets 7 spaces before the gap.
        string table = Notebook.Columns(
            new[] { "수치 미분", "127 ms" },
            new[] { "ms", "0.5" },
            new[] { "手法", "x" });

        Assert.Equal("수치 미분  127 ms\nms         0.5\n手法       x\n", table.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void No_rows_is_no_text() => Assert.Equal("", Notebook.Columns());

    [Fact]
    public void A_null_row_or_cell_is_named()
    {
        Assert.Equal("row 2 is null (Parameter 'rows')", Assert.Throws<ArgumentException>(() => Notebook.Columns(new[] { "a" }, null!)).Message);
        Assert.Equal("row 1, column 2 is null (Parameter 'rows')", Assert.Throws<ArgumentException>(() => Notebook.Columns(new[] { "a", null! })).Message);
    }
}
