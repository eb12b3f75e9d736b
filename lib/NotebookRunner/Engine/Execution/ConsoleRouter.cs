using System.Text;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// Console.Out/Console.Error replacement installed once per process: text written while a cell runs goes to that
/// cell's <see cref="CellContext"/>, everything else to the real console.
/// </summary>
public sealed class ConsoleRouter(string streamName, TextWriter fallback) : TextWriter
{
    private static readonly object InstallGate = new();
    private static bool installed;

    public override Encoding Encoding => fallback.Encoding;

    /// <summary>The process's console before routing, for the runner's own progress lines.</summary>
    public TextWriter Fallback => fallback;

    public static void Install()
    {
        lock (InstallGate)
        {
            if (installed)
            {
                return;
            }

            Console.SetOut(new ConsoleRouter("stdout", Console.Out));
            Console.SetError(new ConsoleRouter("stderr", Console.Error));
            installed = true;
        }
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (CellContext.Current is { } context)
        {
            context.Write(streamName, value);
        }
        else
        {
            fallback.Write(value);
        }
    }

    public override void WriteLine(string? value) => Write((value ?? "") + NewLine);

    public override void Flush()
    {
        if (CellContext.Current is null)
        {
            fallback.Flush();
        }
    }
}
