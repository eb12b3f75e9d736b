namespace NotebookRunner;

/// <summary>An IProgress that reports on the caller's thread at once (Progress&lt;T&gt; posts, which reorders lines).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
