using System.Text;

namespace Backprop.Notebooks.NumPyText;

/// <summary>
/// NumPy's <c>print(array)</c> layout with the default options: nested brackets, one space between
/// elements, lines wrapped at 75 columns with a hanging indent, a blank line between 2-D blocks of a
/// 3-D array, and arrays over 1000 elements summarised to their first and last 3 items per axis.
/// </summary>
internal static class ArrayLayout
{
    private const int LineWidth = 75;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;
    private const string Ellipsis = "...";

    public static string Format<T>(NdArray<T> array, Func<IEnumerable<T>, IElementFormat<T>> columnFormat)
    {
        if (array.Data.Length == 0)
        {
            return "[]";
        }

        bool summarize = array.Data.Length > Threshold;
        // The column width is fitted to the elements that are shown, as NumPy does.
        IElementFormat<T> format = columnFormat(summarize ? Shown(array) : array.Data);
        var layout = new Layout<T>(array, format, summarize);
        return layout.Block([], " ", LineWidth);
    }

    private static IEnumerable<T> Shown<T>(NdArray<T> array)
    {
        int[] index = new int[array.Shape.Length];
        return Enumerate(0);

        IEnumerable<T> Enumerate(int axis)
        {
            if (axis == array.Shape.Length)
            {
                yield return array.Data[array.Offset(index)];
                yield break;
            }

            foreach (int i in ShownIndices(array.Shape[axis], summarize: true))
            {
                index[axis] = i;
                foreach (T value in Enumerate(axis + 1))
                {
                    yield return value;
                }
            }
        }
    }

    /// <summary>Indices along one axis; null marks where "..." goes.</summary>
    private static IEnumerable<int?> ShownIndicesWithGap(int length, bool summarize)
    {
        if (!summarize || length <= 2 * EdgeItems)
        {
            for (int i = 0; i < length; i++)
            {
                yield return i;
            }

            yield break;
        }

        for (int i = 0; i < EdgeItems; i++)
        {
            yield return i;
        }

        yield return null;
        for (int i = length - EdgeItems; i < length; i++)
        {
            yield return i;
        }
    }

    private static IEnumerable<int> ShownIndices(int length, bool summarize) =>
        ShownIndicesWithGap(length, summarize).OfType<int>();

    private sealed class Layout<T>(NdArray<T> array, IElementFormat<T> format, bool summarize)
    {
        /// <summary>The bracketed text of the sub-array at <paramref name="index"/>, fitting in <paramref name="width"/>.</summary>
        public string Block(List<int> index, string indent, int width)
        {
            int axis = index.Count;
            if (axis == array.Shape.Length)
            {
                return format.Format(array.Data[array.Offset(index)]);
            }

            int axesLeft = array.Shape.Length - axis;
            var text = new StringBuilder();
            if (axesLeft == 1)
            {
                // The innermost axis flows like words in a paragraph; room is kept for the closing "]".
                int wordWidth = width - 1;
                var line = new StringBuilder(indent);
                bool first = true;
                foreach (int? i in ShownIndicesWithGap(array.Shape[axis], summarize))
                {
                    if (!first)
                    {
                        line.Append(' ');
                    }

                    first = false;
                    string word = i is { } at ? Block([.. index, at], indent + " ", width - 1) : Ellipsis;
                    if (line.Length + word.Length > wordWidth && line.Length > indent.Length)
                    {
                        text.Append(line.ToString().TrimEnd()).Append('\n');
                        line.Clear().Append(indent);
                    }

                    line.Append(word);
                }

                text.Append(line);
            }
            else
            {
                // Outer axes put one sub-block per line, with one more blank line per extra dimension.
                string separator = new('\n', axesLeft - 1);
                bool first = true;
                foreach (int? i in ShownIndicesWithGap(array.Shape[axis], summarize))
                {
                    if (!first)
                    {
                        text.Append(separator);
                    }

                    first = false;
                    text.Append(indent).Append(i is { } at ? Block([.. index, at], indent + " ", width - 1) : Ellipsis);
                }
            }

            return "[" + text.ToString(indent.Length, text.Length - indent.Length) + "]";
        }
    }
}
