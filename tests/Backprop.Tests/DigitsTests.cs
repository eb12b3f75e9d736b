using System.IO.Compression;

namespace Backprop.Tests;

public class DigitsTests
{
    private static readonly ImageSet All = Digits.Load(RepositoryFiles.DigitsCsv);

    [Fact]
    public void Has_scikit_learns_1797_images_and_class_counts()
    {
        // sklearn.datasets.load_digits(): data.shape (1797, 64), np.bincount(target).
        Assert.Equal((1797, 64), (All.X.RowCount, All.X.ColumnCount));
        Assert.Equal(
            [178, 182, 177, 183, 181, 182, 181, 179, 174, 180],
            Enumerable.Range(0, 10).Select(k => All.Labels.Count(l => l == k)));
        Assert.Equal((8, 8, 10), (All.ImageHeight, All.ImageWidth, All.Classes));
    }

    [Fact]
    public void First_and_last_rows_are_load_digits_rows_divided_by_16()
    {
        // load_digits().data[0] and target[:10], copied from Python.
        int[] first =
        [
            0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0,
            0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
        ];
        // load_digits().data[-1], target[-1] = 8.
        int[] last =
        [
            0, 0, 10, 14, 8, 1, 0, 0, 0, 2, 16, 14, 6, 1, 0, 0, 0, 0, 15, 15, 8, 15, 0, 0, 0, 0, 5, 16, 16, 10, 0, 0,
            0, 0, 12, 15, 15, 12, 0, 0, 0, 4, 16, 6, 4, 16, 6, 0, 0, 8, 16, 10, 8, 16, 8, 0, 0, 1, 8, 12, 14, 12, 1, 0,
        ];

        Assert.Equal(first.Select(v => v / 16.0), All.X.Row(0));
        Assert.Equal(last.Select(v => v / 16.0), All.X.Row(1796));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], All.Labels[..10]);
        Assert.Equal(8, All.Labels[^1]);
        Assert.Equal(561718.0, All.X.Enumerate().Sum() * 16, 1e-6);   // load_digits().data.sum()
        Assert.Equal(13 / 16.0, All.Image(0)[1, 2]);                   // row 1, column 2 of the 8×8 image: pixel 10
    }

    [Fact]
    public void One_hot_labels_have_a_single_1_in_the_labels_column()
    {
        var t = All.OneHotLabels();
        Assert.Equal((1797, 10), (t.RowCount, t.ColumnCount));
        for (int n = 0; n < t.RowCount; n++)
        {
            Assert.Equal(1.0, t[n, All.Labels[n]]);
            Assert.Equal(1.0, t.Row(n).Sum());
        }
    }

    [Fact]
    public void The_stratified_split_keeps_each_class_share_and_is_fixed_by_the_seed()
    {
        var (train, test) = All.StratifiedSplit(0.25, seed: 0);

        Assert.Equal(1797, train.Count + test.Count);
        for (int k = 0; k < 10; k++)
        {
            int total = All.Labels.Count(l => l == k);
            Assert.Equal((int)Math.Round(total * 0.25), test.Labels.Count(l => l == k));
        }

        // Every image lands in exactly one part: the multiset of rows is the original one.
        var rows = train.X.EnumerateRows().Concat(test.X.EnumerateRows()).Select(Key).Order().ToList();
        Assert.Equal(All.X.EnumerateRows().Select(Key).Order(), rows);

        var (train2, test2) = All.StratifiedSplit(0.25, seed: 0);
        Assert.Equal(test.X, test2.X);
        Assert.Equal(train.Labels, train2.Labels);
        var (_, other) = All.StratifiedSplit(0.25, seed: 1);
        Assert.NotEqual(test.X, other.X);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid(), "digits.csv.gz");
        var e = Assert.Throws<FileNotFoundException>(() => Digits.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,2,3\n", "line 1 has 3 values")]
    [InlineData("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,17,3\n", "pixel 63 is 17")]
    [InlineData("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,10\n", "label 10")]
    [InlineData("x,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1\n", "\"x\", not a whole number")]
    [InlineData("", "no images")]
    public void A_corrupt_file_is_named_with_its_problem(string content, string problem)
    {
        string path = Path.Combine(Path.GetTempPath(), $"digits-{Guid.NewGuid()}.csv");
        File.WriteAllText(path, content);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => Digits.Load(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_named()
    {
        string path = Path.Combine(Path.GetTempPath(), $"digits-{Guid.NewGuid()}.csv.gz");
        File.WriteAllText(path, "this is not gzip data at all, just text");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => Digits.Load(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("gzip", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reads_a_gzip_file_and_a_plain_one_alike()
    {
        string csv = string.Join(",", Enumerable.Range(0, 64).Select(p => p % 17)) + ",7\n";
        string plain = Path.Combine(Path.GetTempPath(), $"digits-{Guid.NewGuid()}.csv");
        File.WriteAllText(plain, csv);
        using (var gzip = new GZipStream(File.Create(plain + ".gz"), CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.ASCII.GetBytes(csv));
        }

        try
        {
            var a = Digits.Load(plain);
            var b = Digits.Load(plain + ".gz");
            Assert.Equal(a.X, b.X);
            Assert.Equal([7], b.Labels);
            Assert.Equal(Enumerable.Range(0, 64).Select(p => p % 17 / 16.0), b.X.Row(0));
        }
        finally
        {
            File.Delete(plain);
            File.Delete(plain + ".gz");
        }
    }

    private static string Key(MathNet.Numerics.LinearAlgebra.Vector<double> row) => string.Join(",", row);
}
