using System.Globalization;

namespace Backprop.Resources;

/// <summary>
/// An exception message in the student's language: the sentence from Errors.resx (the UI culture picks the ko or ja
/// satellite), its numbers and shapes in the invariant culture, so (5,3) and 0.5 read the same in every language.
/// The library's ArgumentExceptions carry no ParamName: .NET would append " (Parameter 'dout')" (and "Actual value
/// was …") to the message in English whatever the UI culture, and the sentence already names the argument.
/// </summary>
internal static class Messages
{
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
