using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Events;
using NotebookRunner.Engine.Execution;

namespace NotebookRunner.Engine.Kernel;

/// <summary>
/// One <c>dotnet interactive stdio</c> process: the real kernel, spoken to over its JSON-lines protocol with the
/// Microsoft.DotNet.Interactive package's own envelopes. A command goes in as one line on standard input; the
/// kernel's events come back as lines on standard output. One command runs at a time, as a notebook runs its
/// cells: every event between a <see cref="SubmitCode"/> and the <see cref="CommandSucceeded"/> or
/// <see cref="CommandFailed"/> of that command's own token belongs to that cell.
/// </summary>
public sealed class KernelProcess : IAsyncDisposable
{
    private const int StderrLinesKept = 40;

    // How long a cancelled cell has to stop before the process is killed.
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly Channel<KernelEvent> events = Channel.CreateUnbounded<KernelEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<string> stderrTail = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task reading;
    private readonly Task readingErrors;
    private int nextToken;

    private KernelProcess(Process process)
    {
        this.process = process;
        reading = Task.Run(ReadEventsAsync);
        readingErrors = Task.Run(ReadErrorsAsync);
    }

    /// <summary>Whether the process has ended (a cell that failed with it gone failed because the kernel died).</summary>
    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts the kernel in <paramref name="workingDirectory"/>, with <paramref name="environment"/> over the
    /// machine-independent variables, and waits for its KernelReady event.
    /// </summary>
    public static async Task<KernelProcess> StartAsync(
        KernelTool tool, string workingDirectory, TimeSpan startTimeout, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = tool.StartInfo(workingDirectory);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = await KernelLifetime.StartAsync(start).ConfigureAwait(false);
        var kernel = new KernelProcess(process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(startTimeout);
        try
        {
            await kernel.ready.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await kernel.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"the .NET Interactive kernel did not start within {startTimeout.TotalSeconds:0} s");
        }
        catch
        {
            // Never became ready (it exited, or the run was cancelled): end it.
            await kernel.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return kernel;
    }

    /// <summary>
    /// Submits <paramref name="code"/> to the kernel named <paramref name="kernelName"/> and hands every event of it
    /// to <paramref name="onEvent"/> until it succeeds (Passed) or fails (Failed: a compile error, an exception, or the
    /// process gone, see <see cref="HasExited"/>). Past <paramref name="timeout"/> the cell is cancelled (a Cancel
    /// command), and the process killed when it does not stop within a few seconds (TimedOut).
    /// </summary>
    public async Task<CellRunStatus> SubmitAsync(string code, string kernelName, TimeSpan timeout, Action<KernelEvent> onEvent, CancellationToken cancellationToken)
    {
        var command = new SubmitCode(code, kernelName);
        var token = $"runner-{Interlocked.Increment(ref nextToken)}";
        command.SetToken(token);
        await SendAsync(command).ConfigureAwait(false);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await PumpUntilDoneAsync(token, onEvent, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The whole run is stopping (Ctrl-C): no grace for the cell, the kernel goes at once.
            Kill();
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await StopCellAsync(token, onEvent).ConfigureAwait(false);
            return CellRunStatus.TimedOut;
        }
    }

    private async Task<CellRunStatus> PumpUntilDoneAsync(string token, Action<KernelEvent> onEvent, CancellationToken cancellationToken)
    {
        while (true)
        {
            KernelEvent e;
            try
            {
                e = await events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                return CellRunStatus.Failed;
            }

            onEvent(e);
            var isRoot = e.Command?.GetOrCreateToken() == token;
            switch (e)
            {
                case CommandSucceeded when isRoot:
                    return CellRunStatus.Passed;
                case CommandFailed when isRoot:
                    return CellRunStatus.Failed;
            }
        }
    }

    private async Task StopCellAsync(string token, Action<KernelEvent> onEvent)
    {
        try
        {
            await SendAsync(new Cancel()).ConfigureAwait(false);
            using var grace = new CancellationTokenSource(CancelGrace);
            await PumpUntilDoneAsync(token, onEvent, grace.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The kernel did not stop the cell (a tight loop never looks at its cancellation token): end the process.
            Kill();
        }
    }

    private async Task SendAsync(KernelCommand command)
    {
        var line = KernelCommandEnvelope.Serialize(KernelCommandEnvelope.Create(command));
        await process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                // Besides events, stdout may carry a banner or a command the kernel sends its client: skip those.
                if (!line.StartsWith("{\"event\"", StringComparison.Ordinal) || Parse(line) is not { } e)
                {
                    continue;
                }

                if (e is KernelReady)
                {
                    ready.TrySetResult();
                }

                events.Writer.TryWrite(e);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        finally
        {
            await readingErrors.ConfigureAwait(false);
            ready.TrySetException(new InvalidOperationException(ExitDescription()));
            events.Writer.TryComplete();
        }
    }

    private static KernelEvent? Parse(string line)
    {
        try
        {
            return KernelEventEnvelope.Deserialize(line).Event;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or NotSupportedException or KeyNotFoundException)
        {
            // An event type this client does not know: it cannot concern a cell's outputs.
            return null;
        }
    }

    private async Task ReadErrorsAsync()
    {
        while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (stderrTail)
            {
                stderrTail.Enqueue(line);
                if (stderrTail.Count > StderrLinesKept)
                {
                    stderrTail.Dequeue();
                }
            }
        }
    }

    /// <summary>"the kernel process exited with code 3", with the last lines it wrote to stderr.</summary>
    public string ExitDescription()
    {
        var code = process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
        string tail;
        lock (stderrTail)
        {
            tail = string.Join("\n", stderrTail.Where(l => l.Length > 0).TakeLast(8));
        }

        return $"the .NET Interactive kernel process exited with code {code}" + (tail.Length > 0 ? $"; its last words on stderr:\n{tail}" : "");
    }

    /// <summary>Waits until the process has exited and its output is read (after a kill or a kernel crash).</summary>
    public async Task WaitForExitAsync()
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        await reading.ConfigureAwait(false);
    }

    /// <summary>Ends the process and everything it started (the kernel may run a NuGet restore).</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await WaitForExitAsync().ConfigureAwait(false);
        process.Dispose();
    }
}
