using System.Text;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Engine.Execution;

/// <summary>
/// Collects the outputs of the cell that is running. The current context flows with the cell's async calls
/// (an <see cref="AsyncLocal{T}"/>), so notebooks running in parallel each see only their own output.
/// </summary>
public sealed class CellContext
{
    private static readonly AsyncLocal<CellContext?> CurrentContext = new();

    private readonly object gate = new();
    private readonly List<object> entries = [];   // CellOutput, or a StreamBuffer still being written
    private bool closed;

    /// <summary>
    /// Resolves assemblies the cell's code needs but the default context cannot find (a #r'd DLL's package
    /// dependencies), from the running notebook's packages.
    /// </summary>
    public Func<System.Reflection.AssemblyName, System.Reflection.Assembly?>? ResolveAssembly { get; init; }

    public static CellContext? Current
    {
        get => CurrentContext.Value;
        internal set => CurrentContext.Value = value;
    }

    /// <summary>Appends console text, joining it to the previous output when that is the same stream.</summary>
    public void Write(string streamName, string text)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            if (entries.Count > 0 && entries[^1] is StreamBuffer last && last.Name == streamName)
            {
                last.Text.Append(text);
                return;
            }

            entries.Add(new StreamBuffer(streamName, new StringBuilder(text)));
        }
    }

    /// <summary>Adds an output and returns its position, for <see cref="Replace"/>.</summary>
    public int Add(CellOutput output)
    {
        lock (gate)
        {
            if (closed)
            {
                return -1;
            }

            entries.Add(output);
            return entries.Count - 1;
        }
    }

    public void Replace(int index, CellOutput output)
    {
        lock (gate)
        {
            if (!closed && index >= 0 && index < entries.Count)
            {
                entries[index] = output;
            }
        }
    }

    /// <summary>Stops collecting: a timed-out cell may keep running in the background, but says nothing more.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
        }
    }

    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (gate)
            {
                return entries
                    .Select(e => e is StreamBuffer s ? CellOutput.Stream(s.Name, s.Text.ToString()) : (CellOutput)e)
                    .Where(o => o.OutputType != "stream" || o.Text.Length > 0)
                    .ToList();
            }
        }
    }

    private sealed record StreamBuffer(string Name, StringBuilder Text);
}
