using System.Reflection;
using System.Text.RegularExpressions;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks.Grading;

/// <summary>
/// What an exception from a student's code says, in the student's language. The layer library's own messages are
/// already in it (lib/Backprop/Resources/Errors.resx); .NET's and MathNet's exist only in English, so under ko and
/// ja they are described by their type instead, and MathNet's "Matrix dimensions must agree: op1 is 2x3, op2 is 2x2"
/// becomes a sentence naming both shapes as NumPy prints them, (2,3) and (2,2). A message the student wrote is theirs
/// and passes as it is. In English every message passes as it is.
/// </summary>
internal static partial class ExceptionText
{
    private static readonly Assembly Library = typeof(ILayer).Assembly;

    private static readonly Assembly MathNet = typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>).Assembly;

    public static string Of(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Errors.MessageLanguage == "en")
        {
            return e.Message;
        }

        Assembly? thrower = e.TargetSite?.DeclaringType?.Assembly;
        if (thrower == Library)
        {
            return e.Message; // lib/Backprop's own sentence, in the UI language, with no English ParamName suffix
        }

        if (thrower == MathNet && MathNetSentence(e.Message) is { } sentence)
        {
            return sentence;
        }

        return ByType(e) ?? (FromFramework(thrower) ? Errors.Untranslated : e.Message);
    }

    private static string? MathNetSentence(string message)
    {
        if (TwoShapes().Match(message) is { Success: true } two)
        {
            return Text.Format(Errors.MatrixShapes, Shape(two, 1), Shape(two, 3));
        }

        if (OneShape().Match(message) is { Success: true } one)
        {
            return Text.Format(Errors.MatrixShape, Shape(one, 1));
        }

        return message switch
        {
            _ when message.StartsWith("Matrix dimensions must agree", StringComparison.Ordinal) => Errors.MatrixDimensions,
            "Matrix row dimensions must agree." => Errors.MatrixRowDimensions,
            "Matrix column dimensions must agree." => Errors.MatrixColumnDimensions,
            "All vectors must have the same dimensionality." => Errors.VectorDimensions,
            "The array arguments must have the same length." => Errors.ArrayLengths,
            _ => null,
        };
    }

    /// <summary>Exceptions the runtime raises in the student's own code, or .NET's argument checks, by what they mean.</summary>
    private static string? ByType(Exception e) => e switch
    {
        IndexOutOfRangeException => Errors.IndexOutOfRange,
        NullReferenceException => Errors.NullReference,
        ArgumentNullException { ParamName: { } name } => Text.Format(Errors.ArgumentNull, name),
        ArgumentOutOfRangeException { ParamName: { } name } when FromFramework(e.TargetSite?.DeclaringType?.Assembly) => Text.Format(Errors.ArgumentOutOfRange, name),
        DivideByZeroException => Errors.DivideByZero,
        InvalidCastException => Errors.InvalidCast,
        OverflowException => Errors.Overflow,
        KeyNotFoundException => Errors.KeyNotFound,
        FormatException when FromFramework(e.TargetSite?.DeclaringType?.Assembly) => Errors.Format,
        InvalidOperationException when e.TargetSite?.DeclaringType?.Assembly == typeof(Enumerable).Assembly => Errors.EmptySequence,
        _ => null,
    };

    /// <summary>.NET's own assemblies and MathNet write English messages; anything else (the student's code) its own.</summary>
    private static bool FromFramework(Assembly? assembly) =>
        assembly is not null && (assembly == MathNet || assembly == typeof(object).Assembly
            || assembly.GetName().Name is { } name && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)));

    /// <summary>MathNet writes rows x columns; NumPy, and every message of this project, (rows,columns).</summary>
    private static string Shape(Match m, int group) => $"({m.Groups[group].Value},{m.Groups[group + 1].Value})";

    [GeneratedRegex(@"^Matrix dimensions must agree: op1 is (\d+)x(\d+), op2 is (\d+)x(\d+)")]
    private static partial Regex TwoShapes();

    [GeneratedRegex(@"^Matrix dimensions must agree: (\d+)x(\d+)\.")]
    private static partial Regex OneShape();
}
