using System.Globalization;

namespace Backprop.Notebooks.NumPyText;

/// <summary>NumPy's integer column: every element right-aligned to the widest of the minimum and maximum.</summary>
internal sealed class IntFormat : IElementFormat<long>
{
    private readonly int _width;

    public IntFormat(IEnumerable<long> values)
    {
        long[] all = values.ToArray();
        _width = all.Length == 0 ? 0 : Math.Max(Text(all.Max()).Length, Text(all.Min()).Length);
    }

    public string Format(long value) => Text(value).PadLeft(_width);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
