using System.Buffers.Binary;
using System.IO.Compression;

namespace Backprop;

/// <summary>
/// Reads Yann LeCun's IDX format, in which MNIST is distributed: a 4-byte magic number (two zero bytes, a
/// type code, 0x08 for unsigned bytes, and the number of dimensions), one big-endian 32-bit size per
/// dimension, then the values. Labels are 1-dimensional (magic 0x00000801), images 3-dimensional
/// (count × rows × columns, magic 0x00000803).
/// </summary>
internal static class IdxFile
{
    public const int LabelsMagic = 0x00000801;
    public const int ImagesMagic = 0x00000803;

    /// <summary>The labels of a 1-dimensional IDX file.</summary>
    public static byte[] ReadLabels(string path) => Read(path, LabelsMagic, Errors.IdxLabels).Values;

    /// <summary>The pixels of a 3-dimensional IDX file, image after image, row after row.</summary>
    public static (byte[] Pixels, int Count, int Rows, int Columns) ReadImages(string path)
    {
        (int[] sizes, byte[] values) = Read(path, ImagesMagic, Errors.IdxImages);
        return (values, sizes[0], sizes[1], sizes[2]);
    }

    private static (int[] Sizes, byte[] Values) Read(string path, int magic, string kind)
    {
        byte[] bytes = ReadAllBytes(path);
        int dimensions = magic & 0xFF;
        int headerLength = 4 * (1 + dimensions);
        if (bytes.Length >= 4 && BinaryPrimitives.ReadInt32BigEndian(bytes) is var found && found != magic)
        {
            throw new InvalidDataException(
                Messages.Format(Errors.IdxBadMagic, path, found, kind, magic));
        }

        if (bytes.Length < headerLength)
        {
            throw new InvalidDataException(
                Messages.Format(Errors.IdxShortHeader, path, bytes.Length, headerLength, kind));
        }

        var sizes = new int[dimensions];
        long expected = 1;
        for (int d = 0; d < dimensions; d++)
        {
            sizes[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * (d + 1)));
            if (sizes[d] < 0)
            {
                throw new InvalidDataException(Messages.Format(Errors.IdxNegativeSize, path, d, sizes[d]));
            }

            expected *= sizes[d];
        }

        long actual = bytes.Length - headerLength;
        if (actual != expected)
        {
            string shape = string.Join(" × ", sizes);
            throw new InvalidDataException(actual < expected
                ? Messages.Format(Errors.IdxTruncatedBody, path, shape, expected, kind, actual)
                : Messages.Format(Errors.IdxLongBody, path, shape, expected, kind, actual));
        }

        return (sizes, bytes[headerLength..]);
    }

    /// <summary>The file's bytes, unzipped if it ends in .gz (as MNIST is downloaded).</summary>
    private static byte[] ReadAllBytes(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllBytes(path);
        }

        try
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var memory = new MemoryStream();
            gzip.CopyTo(memory);
            return memory.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(Messages.Format(Errors.NotGzip, path), e);
        }
    }
}
