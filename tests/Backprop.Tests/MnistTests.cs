using System.Buffers.Binary;
using System.IO.Compression;

namespace Backprop.Tests;

/// <summary>The MNIST loader on tiny IDX files written here: 3 training and 2 test images of 2×3 pixels.</summary>
public sealed class MnistTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mnist-test-" + Guid.NewGuid());

    public MnistTests()
    {
        Directory.CreateDirectory(folder);
        WriteImages("train-images-idx3-ubyte", 3, [0, 255, 51, 102, 153, 204, 1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]);
        WriteLabels("train-labels-idx1-ubyte", [5, 0, 9]);
        WriteImages("t10k-images-idx3-ubyte", 2, [255, 255, 255, 0, 0, 0, 7, 8, 9, 10, 11, 12]);
        WriteLabels("t10k-labels-idx1-ubyte", [1, 2]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Reads_images_row_by_row_and_divides_by_255()
    {
        var (train, test) = Mnist.Load(folder);

        Assert.Equal((3, 6, 2, 3), (train.Count, train.X.ColumnCount, train.ImageHeight, train.ImageWidth));
        Assert.Equal([0 / 255.0, 255 / 255.0, 51 / 255.0, 102 / 255.0, 153 / 255.0, 204 / 255.0], train.X.Row(0));
        Assert.Equal([10 / 255.0, 20 / 255.0, 30 / 255.0, 40 / 255.0, 50 / 255.0, 60 / 255.0], train.X.Row(2));
        Assert.Equal(102 / 255.0, train.Image(0)[1, 0]);   // pixel 3 is row 1, column 0 of a 2×3 image
        Assert.Equal([5, 0, 9], train.Labels);
        Assert.Equal(2, test.Count);
        Assert.Equal([1, 2], test.Labels);
        Assert.Equal([7.0, 8, 9, 10, 11, 12], Mnist.Load(folder, normalize: false).Test.X.Row(1));
        Assert.True(Mnist.IsAvailable(folder));
    }

    [Fact]
    public void Reads_gzip_files_as_downloaded()
    {
        foreach (string name in Mnist.FileNames)
        {
            string path = Path.Combine(folder, name);
            using (var gzip = new GZipStream(File.Create(path + ".gz"), CompressionLevel.Fastest))
            {
                gzip.Write(File.ReadAllBytes(path));
            }

            File.Delete(path);
        }

        var (train, test) = Mnist.Load(folder);
        Assert.Equal([5, 0, 9], train.Labels);
        Assert.Equal(12 / 255.0, test.X[1, 5]);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        File.Delete(Path.Combine(folder, "t10k-labels-idx1-ubyte"));

        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(folder));
        Assert.Contains(Path.Combine(folder, "t10k-labels-idx1-ubyte"), e.Message, StringComparison.Ordinal);
        Assert.False(Mnist.IsAvailable(folder));
    }

    [Fact]
    public void A_bad_magic_number_is_named()
    {
        // A labels file where an images file belongs.
        string path = Path.Combine(folder, "train-images-idx3-ubyte");
        File.Copy(Path.Combine(folder, "train-labels-idx1-ubyte"), path, overwrite: true);

        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(folder));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("bad magic number 0x00000801", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x00000803", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_named()
    {
        string path = Path.Combine(folder, "t10k-images-idx3-ubyte");
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^1]);

        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(folder));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 × 2 × 3 = 12 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("only 11 follow", e.Message, StringComparison.Ordinal);

        File.WriteAllBytes(path, bytes[..10]);
        e = Assert.Throws<InvalidDataException>(() => Mnist.Load(folder));
        Assert.Contains("shorter than the 16-byte header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_that_disagree_are_named()
    {
        WriteLabels("train-labels-idx1-ubyte", [5, 0]);

        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(folder));
        Assert.Contains("has 3 images but", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, "train-labels-idx1-ubyte") + " has 2 labels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_that_is_not_a_digit_is_named()
    {
        WriteLabels("train-labels-idx1-ubyte", [5, 10, 9]);

        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(folder));
        Assert.Contains("label 1 is 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_gzip_file_is_named()
    {
        string path = Path.Combine(folder, "train-images-idx3-ubyte");
        File.Move(path, path + ".gz");   // raw IDX bytes under a .gz name

        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(folder));
        Assert.Contains(path + ".gz", e.Message, StringComparison.Ordinal);
        Assert.Contains("gzip", e.Message, StringComparison.Ordinal);
    }

    private void WriteImages(string name, int count, byte[] pixels)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, 0x00000803);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 2);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), 3);
        File.WriteAllBytes(Path.Combine(folder, name), [.. header, .. pixels]);
    }

    private void WriteLabels(string name, byte[] labels)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), labels.Length);
        File.WriteAllBytes(Path.Combine(folder, name), [.. header, .. labels]);
    }
}
