using System.Globalization;
using System.IO.Compression;

namespace Backprop;

/// <summary>
/// The UCI "Optical Recognition of Handwritten Digits" 8×8 images (Alpaydin and Kaynak, 1998), the 1,797
/// of them that scikit-learn ships as <c>digits.csv.gz</c>; the repository keeps a copy in
/// <c>notebooks/data/</c> (licence CC BY 4.0, see the README there). Each line holds 64 pixels, row after
/// row, each the count 0..16 of ink dots in a 4×4 block of the original 32×32 bitmap, then the digit.
/// </summary>
public static class Digits
{
    /// <summary>The file's name in notebooks/data.</summary>
    public const string FileName = "digits.csv.gz";

    /// <summary>notebooks/data/digits.csv.gz, found as <see cref="NotebookData.Folder"/> says.</summary>
    public static string DefaultPath => Path.Combine(NotebookData.Folder, FileName);

    /// <summary>Image height and width in pixels.</summary>
    public const int Side = 8;

    /// <summary>The largest pixel value: a 4×4 block has 16 dots.</summary>
    public const int MaxPixel = 16;

    /// <summary>The digits 0..9.</summary>
    public const int Classes = 10;

    /// <summary>Reads notebooks/data/digits.csv.gz (<see cref="DefaultPath"/>).</summary>
    public static ImageSet Load() => Load(DefaultPath);

    /// <summary>
    /// Reads the digits from <paramref name="path"/> (gzip-compressed if it ends in .gz). Pixels are divided by
    /// 16 into [0, 1], as the book's <c>normalize=True</c> divides MNIST's by 255: inputs of the size the
    /// 0.01-scale initial weights are made for.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">A line is not 64 pixels in 0..16 and a digit; the message names the path and line.</exception>
    public static ImageSet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(Messages.Format(Errors.DigitsFileMissing, path), path);
        }

        var rows = new List<double[]>();
        var labels = new List<int>();
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        try
        {
            int lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                (double[] pixels, int label) = ParseLine(line, path, lineNumber);
                rows.Add(pixels);
                labels.Add(label);
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException(Messages.Format(Errors.NotGzip, path), e);
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException(Messages.Format(Errors.NoImages, path));
        }

        var x = Matrix<double>.Build.DenseOfRowArrays(rows);
        return new ImageSet(x, [.. labels], Classes, Side, Side);
    }

    private static (double[] Pixels, int Label) ParseLine(string line, string path, int lineNumber)
    {
        string[] fields = line.Split(',');
        if (fields.Length != Side * Side + 1)
        {
            throw new InvalidDataException(Messages.Format(Errors.DigitsFieldCount, path, lineNumber, fields.Length, Side * Side));
        }

        var pixels = new double[Side * Side];
        for (int p = 0; p < pixels.Length; p++)
        {
            int value = ParseInt(fields[p], path, lineNumber);
            if (value is < 0 or > MaxPixel)
            {
                throw new InvalidDataException(Messages.Format(Errors.DigitsPixelRange, path, lineNumber, p, value, MaxPixel));
            }

            pixels[p] = (double)value / MaxPixel;
        }

        int label = ParseInt(fields[^1], path, lineNumber);
        if (label is < 0 or >= Classes)
        {
            throw new InvalidDataException(Messages.Format(Errors.DigitsLabelRange, path, lineNumber, label, Classes - 1));
        }

        return (pixels, label);
    }

    // The file writes whole numbers; "3.0" is accepted too, as NumPy's loadtxt would read it.
    private static int ParseInt(string field, string path, int lineNumber) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v == Math.Floor(v) && Math.Abs(v) < int.MaxValue
            ? (int)v
            : throw new InvalidDataException(Messages.Format(Errors.DigitsNotWhole, path, lineNumber, field));
}
