using NotebookRunner;
using NotebookRunner.Engine.Formats;

var output = Console.Out;
if (args is ["--help"] or ["-h"] or ["run", "--help"])
{
    output.WriteLine(CommandLine.Usage);
    return ExitCodes.Ok;
}

try
{
    var options = CommandLine.Parse(args);
    // Ctrl-C stops every kernel this run started (their processes are killed as the run unwinds).
    using var interrupted = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        interrupted.Cancel();
    };
    try
    {
        var code = await new RunCommand(options, output).ExecuteAsync(interrupted.Token);
        output.Flush();
        return code;
    }
    catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
    {
        Console.Error.WriteLine("interrupted: every kernel this run started was stopped");
        return 130;
    }
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(CommandLine.Usage);
    return ExitCodes.BadInput;
}
catch (NotebookFormatException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.BadInput;
}
