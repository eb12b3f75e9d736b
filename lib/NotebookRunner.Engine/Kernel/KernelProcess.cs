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
    private const int StderrLinesKept = 8;

    // How long a cancelled cell has to stop before the process is killed.
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly Channel<KernelEvent> events = Channel.CreateUnbounded<KernelEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Queue<string> stderrTail = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task reading;
    private int nextToken;

    private KernelProcess(Process process)
    {
        this.process = process;
        process.ErrorDataReceived += (_, e) => KeepStderr(e.Data);
        process.BeginErrorReadLine();
        reading = Task.Run(ReadEventsAsync);
    }

    public bool HasExited => process.HasExited;

    /// <summary>Starts the kernel (<see cref="KernelTool.StartInfo"/>) and waits for its KernelReady event.</summary>
    public static async Task<KernelProcess> StartAsync(ProcessStartInfo start, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var kernel = new KernelProcess(await KernelLifetime.StartAsync(start).ConfigureAwait(false));
        try
        {
            await kernel.ready.Task.WaitAsync(startTimeout, cancellationToken).ConfigureAwait(false);
            return kernel;
        }
        catch (Exception e)
        {
            // Never became ready (it exited, it is too slow, or the run was cancelled): end it.
            await kernel.DisposeAsync().ConfigureAwait(false);
            if (e is TimeoutException)
            {
                throw new InvalidOperationException($"the .NET Interactive kernel did not start within {startTimeout.TotalSeconds:0} s");
            }

            throw;
        }
    }

    /// <summary>
    /// Runs one cell, handing each of its events to <paramref name="onEvent"/>: Passed, or Failed (a compile error, an
    /// exception, or the process gone: see <see cref="HasExited"/>). Past <paramref name="timeout"/> the cell is
    /// cancelled, and the process killed when it does not stop within a few seconds: TimedOut.
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

            return CellRunStatus.TimedOut;
        }
    }

    private async Task<CellRunStatus> PumpUntilDoneAsync(string token, Action<KernelEvent> onEvent, CancellationToken cancellationToken)
    {
        await foreach (var e in events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            onEvent(e);
            if (e is CommandSucceeded or CommandFailed && e.Command?.GetOrCreateToken() == token)
            {
                return e is CommandSucceeded ? CellRunStatus.Passed : CellRunStatus.Failed;
            }
        }

        // The process ended before the cell did.
        return CellRunStatus.Failed;
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
                if (line.StartsWith("{\"event\"", StringComparison.Ordinal) && Parse(line) is { } e)
                {
                    if (e is KernelReady)
                    {
                        ready.TrySetResult();
                    }

                    events.Writer.TryWrite(e);
                }
            }

            // Returns once stderr is read to its end too.
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        finally
        {
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

    private void KeepStderr(string? line)
    {
        lock (stderrTail)
        {
            if (line is { Length: > 0 })
            {
                stderrTail.Enqueue(line);
            }

            if (stderrTail.Count > StderrLinesKept)
            {
                stderrTail.Dequeue();
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
            tail = string.Join("\n", stderrTail);
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
