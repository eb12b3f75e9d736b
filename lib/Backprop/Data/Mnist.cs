namespace Backprop;

/// <summary>
/// The book's <c>load_mnist</c>: MNIST's 60,000 training and 10,000 test images of 28×28 pixels, read from
/// the four IDX files as they are distributed, each either as is or gzip-compressed (.gz). The repository
/// does not ship them; the notebooks look in <c>notebooks/data/mnist/</c>.
/// </summary>
public static class Mnist
{
    /// <summary>Where the notebooks look for the four files: notebooks/data/mnist (see <see cref="NotebookData.Folder"/>).</summary>
    public static string DefaultFolder => Path.Combine(NotebookData.Folder, "mnist");

    /// <summary>The file names, without .gz.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>Whether all four files are in <paramref name="folder"/> (each as is or with .gz).</summary>
    public static bool IsAvailable(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return FileNames.All(name => Find(folder, name) is not null);
    }

    /// <summary>
    /// Loads the training and test sets from <paramref name="folder"/>. With <paramref name="normalize"/>
    /// (the book's default) pixels are divided by 255 into [0, 1]; without, they stay 0..255.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message names it.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt (bad magic number, truncated, counts that disagree); the message names the path and the problem.</exception>
    public static (ImageSet Train, ImageSet Test) Load(string folder, bool normalize = true)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return (Load(folder, "train", normalize), Load(folder, "t10k", normalize));
    }

    private static ImageSet Load(string folder, string prefix, bool normalize)
    {
        string imagesPath = Require(folder, $"{prefix}-images-idx3-ubyte");
        string labelsPath = Require(folder, $"{prefix}-labels-idx1-ubyte");
        var (pixels, count, rows, columns) = IdxFile.ReadImages(imagesPath);
        byte[] labels = IdxFile.ReadLabels(labelsPath);
        if (labels.Length != count)
        {
            throw new InvalidDataException(Messages.Format(Errors.MnistCountMismatch, imagesPath, count, labelsPath, labels.Length));
        }

        int bad = Array.FindIndex(labels, l => l > 9);
        if (bad >= 0)
        {
            throw new InvalidDataException(Messages.Format(Errors.MnistBadLabel, labelsPath, bad, labels[bad]));
        }

        // IDX stores image n's pixel (r, c) at n·rows·columns + r·columns + c: row-major, the order of the
        // book's flatten=True. MathNet is column-major, so each byte goes to row n, column r·columns + c.
        int size = rows * columns;
        double scale = normalize ? 255.0 : 1.0; // the book's x / 255.0
        var x = Matrix<double>.Build.Dense(count, size);
        double[] values = x.AsColumnMajorArray();
        for (int n = 0; n < count; n++)
        {
            for (int p = 0; p < size; p++)
            {
                values[n + p * count] = pixels[n * size + p] / scale;
            }
        }

        return new ImageSet(x, labels.Select(l => (int)l).ToArray(), 10, rows, columns);
    }

    private static string Require(string folder, string name) =>
        Find(folder, name) ?? throw new FileNotFoundException(
            Messages.Format(Errors.MnistFileMissing, Path.Combine(folder, name), folder, string.Join(", ", FileNames)),
            Path.Combine(folder, name));

    private static string? Find(string folder, string name)
    {
        string plain = Path.Combine(folder, name);
        return File.Exists(plain) ? plain : File.Exists(plain + ".gz") ? plain + ".gz" : null;
    }
}
