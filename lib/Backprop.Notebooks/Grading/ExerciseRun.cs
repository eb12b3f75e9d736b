using System.Globalization;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks.Grading;

/// <summary>
/// One exercise check: runs the grader's body, which calls the student's code only through <see cref="Call{T}"/>
/// and notes each problem it finds, then prints one verdict. A stub's <see cref="NotImplementedException"/> means
/// "not done yet" (its message is the stub's own hint); any other exception from the student's code becomes a
/// failure with the grader's hint for it, never a stack trace.
/// </summary>
internal sealed class ExerciseRun
{
    private readonly List<string> problems = [];
    private readonly List<string> notes = [];

    private ExerciseRun(int exercise) => Exercise = exercise;

    public int Exercise { get; }

    public bool HasProblems => problems.Count > 0;

    /// <summary>Runs <paramref name="check"/> and prints its verdict: <paramref name="passed"/> when it found nothing.</summary>
    public static void Grade(int exercise, string passed, Action<ExerciseRun> check)
    {
        var run = new ExerciseRun(exercise);
        string verdict;
        try
        {
            check(run);
            verdict = run.HasProblems
                ? Text.Format(Exercises.Failed, exercise) + "\n" + string.Join("\n", run.problems)
                : string.Join("\n", [Text.Format(passed, exercise), .. run.notes]);
        }
        catch (NotImplementedException stub)
        {
            verdict = Text.Format(Exercises.NotDoneYet, exercise, stub.Message.TrimEnd('.'));
        }
        catch (StudentCodeException e)
        {
            verdict = Text.Format(Exercises.Failed, exercise) + "\n" +
                      Text.Format(Exercises.Threw, e.Where, e.InnerException!.GetType().Name, ExceptionText.Of(e.InnerException).TrimEnd('.', '。'), e.Hint);
        }

        Console.WriteLine(verdict);
    }

    /// <summary>Notes a problem: one whole sentence from Exercises.resx with its values.</summary>
    public void Problem(string format, params object?[] args) => problems.Add(Text.Format(format, args));

    /// <summary>A sentence printed under a passed verdict: a value the check measured and judged.</summary>
    public void Note(string format, params object?[] args) => notes.Add(Text.Format(format, args));

    /// <summary>
    /// Calls the student's code. A stub's NotImplementedException passes through; any other exception stops the
    /// check with <paramref name="hint"/>, naming <paramref name="where"/> (a sentence part such as "Backward").
    /// </summary>
    public static T Call<T>(string where, string hint, Func<T> code)
    {
        try
        {
            return code();
        }
        catch (Exception e) when (e is not NotImplementedException and not StudentCodeException)
        {
            throw new StudentCodeException(where, hint, e);
        }
    }

    private sealed class StudentCodeException(string where, string hint, Exception inner) : Exception(inner.Message, inner)
    {
        public string Where { get; } = where;

        public string Hint { get; } = hint;
    }
}

/// <summary>Messages format their numbers in the invariant culture (0.5, never 0,5); the words follow the UI culture.</summary>
internal static class Text
{
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
