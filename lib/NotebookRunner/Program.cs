using NotebookRunner;
using NotebookRunner.Engine.Formats;

// Progress goes to the real console, captured before the runner routes Console.Out to the running cells.
var output = Console.Out;
if (args is ["--help"] or ["-h"] or ["run", "--help"])
{
    output.WriteLine(CommandLine.Usage);
    return ExitCodes.Ok;
}

try
{
    var options = CommandLine.Parse(args);
    var code = await new RunCommand(options, output).ExecuteAsync();
    output.Flush();

    // A timed-out cell may still be running on its own thread; it must not keep the process alive.
    Environment.Exit(code);
    return code;
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
