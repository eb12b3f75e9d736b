using System.CommandLine;
using NotebookRunner;
using NotebookRunner.Doctor;
using NotebookRunner.Engine.Formats;
using Spectre.Console;

var root = CommandLine.Build(async (options, token) =>
{
    try
    {
        // System.CommandLine cancels the token on Ctrl-C; every kernel the run started is then killed as it unwinds.
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // A log keeps whole lines: no wrapping at a guessed width, no colour codes.
            console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(Console.Out) });
            console.Profile.Width = 4096;
        }

        return await new RunCommand(options, console).ExecuteAsync(token);
    }
    catch (OperationCanceledException) when (token.IsCancellationRequested)
    {
        Console.Error.WriteLine("interrupted: every kernel this run started was stopped");
        return ExitCodes.Interrupted;
    }
    catch (Exception e) when (e is UsageException or NotebookFormatException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return ExitCodes.BadInput;
    }
},
async (startKernel, token) =>
{
    if (DoctorSetup.FindRoot(Environment.CurrentDirectory, AppContext.BaseDirectory) is not { } root)
    {
        Console.Error.WriteLine("error: doctor runs in a clone of the repository (where .config/dotnet-tools.json and notebooks/ are)");
        return ExitCodes.BadInput;
    }

    return await DoctorCommand.ExecuteAsync(DoctorSetup.FromProcess(root) with { StartKernel = startKernel }, Console.Out, token);
});

// Bad usage (a missing or unknown command included: System.CommandLine reports those as errors too) exits 2.
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine(CommandLine.Usage);
    Console.Error.WriteLine("Run with --help for the options.");
    return ExitCodes.BadInput;
}

// Ctrl-C cancels the run's token; the run then kills its kernels and returns ExitCodes.Interrupted. Give it time to do so
// (System.CommandLine's default is to give up after 2 s, which would leave the kernels running).
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
