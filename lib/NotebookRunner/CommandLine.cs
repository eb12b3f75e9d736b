using System.CommandLine;
using System.CommandLine.Parsing;

namespace NotebookRunner;

/// <summary>
/// The command line, on System.CommandLine: <c>run [PATH...] [options]</c>, with its help, validation and Ctrl-C
/// handling. Bad usage exits 2 (System.CommandLine's own default is 1, which here means "a cell failed").
/// </summary>
public static class CommandLine
{
    public const string Usage = "usage: dotnet run --project lib/NotebookRunner -- run [PATH...] [options]";

    private static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "a .ipynb/.dib notebook or a folder of them (sub-folders too), run in chapter order (default: notebooks/)",
        Arity = ArgumentArity.ZeroOrMore,

        // An unknown --option would otherwise be taken for a PATH.
        Validators =
        {
            r =>
            {
                foreach (var token in r.Tokens.Where(t => t.Value.StartsWith('-')))
                {
                    r.AddError($"unknown option: {token.Value}");
                }
            },
        },
    };

    private static readonly Option<string> Out = new("--out")
    {
        Description = "where executed notebooks go (.dib become .ipynb); sources are not touched",
        DefaultValueFactory = _ => RunOptions.Defaults.OutDirectory,
        HelpName = "DIR",
    };

    private static readonly Option<bool> Update = new("--update") { Description = "write fresh outputs back into the source .ipynb files (atomic; unchanged files untouched)" };

    private static readonly Option<bool> Check = new("--check") { Description = "compare fresh outputs with the stored ones and print a diff per drifted cell" };

    private static readonly Option<string?> Html = new("--html")
    {
        Description = "also write the notebooks as a static site: a page per notebook with chapter navigation, a front page per language, the .ipynb files and one plotly.js (offline)",
        HelpName = "DIR",
    };

    private static readonly Option<bool> NoRun = new("--no-run") { Description = "start no kernel: export the outputs stored in the notebooks (with --html); not with --check or --update" };

    private static readonly Option<double> Timeout = new("--timeout")
    {
        Description = "time limit per cell in seconds; a cell past it is cancelled (its kernel killed if need be) and the rest of its notebook skipped",
        DefaultValueFactory = _ => RunOptions.Defaults.CellTimeout.TotalSeconds,
        CustomParser = r => Positive(r, integer: false),
        HelpName = "SECONDS",
    };

    private static readonly Option<int> Jobs = new("--jobs")
    {
        Description = "notebooks run in parallel, each in its own kernel process (default: number of cores)",
        DefaultValueFactory = _ => RunOptions.Defaults.Jobs,
        CustomParser = r => (int)Positive(r, integer: true),
        HelpName = "N",
    };

    private static readonly Option<bool> ContinueOnError = new("--continue-on-error") { Description = "keep running a notebook's cells after one fails" };

    private static readonly Option<bool> NoKernel = new("--no-kernel") { Description = "skip starting a kernel (the slowest check, about 5 s)" };

    /// <summary>
    /// The root command; <paramref name="run"/> is what <c>run</c> does with the parsed options, <paramref name="doctor"/>
    /// what <c>doctor</c> does (its argument: whether to start a kernel).
    /// </summary>
    public static RootCommand Build(Func<RunOptions, CancellationToken, Task<int>> run, Func<bool, CancellationToken, Task<int>>? doctor = null)
    {
        var command = new Command("run", "Execute notebooks headless in the real .NET Interactive kernel (the dotnet-interactive tool pinned in .config/dotnet-tools.json).")
        {
            Paths, Out, Update, Check, Html, NoRun, Timeout, Jobs, ContinueOnError,
        };
        command.SetAction((result, token) => run(Options(result), token));
        var root = new RootCommand("Backprop Notebooks' headless notebook runner.\nExit codes: 0 all good; 1 a cell failed or (--check) outputs drifted; 2 bad usage or an unreadable notebook.");
        root.Subcommands.Add(command);
        if (doctor is not null)
        {
            var check = new Command("doctor", "Check a set-up for the notebooks, one line per check (✓, ! or ✗ with the command that fixes it). Exit code 0 only when Run All should work.") { NoKernel };
            check.SetAction((result, token) => doctor(!result.GetValue(NoKernel), token));
            root.Subcommands.Add(check);
        }

        return root;
    }

    private static RunOptions Options(ParseResult result)
    {
        var options = new RunOptions
        {
            OutDirectory = result.GetValue(Out)!,
            Update = result.GetValue(Update),
            Check = result.GetValue(Check),
            HtmlDirectory = result.GetValue(Html),
            NoRun = result.GetValue(NoRun),
            CellTimeout = TimeSpan.FromSeconds(result.GetValue(Timeout)),
            Jobs = result.GetValue(Jobs),
            ContinueOnError = result.GetValue(ContinueOnError),
        };
        var paths = result.GetValue(Paths) ?? [];
        return paths.Length > 0 ? options with { Paths = paths } : options;
    }

    private static double Positive(ArgumentResult result, bool integer)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var ok = double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value);
        if (!ok || !(value > 0) || double.IsInfinity(value) || (integer && value != Math.Floor(value)))
        {
            var option = (result.Parent as OptionResult)?.Option.Name ?? "the option";
            result.AddError($"{option} needs a positive {(integer ? "whole number" : "number")}, not '{text}'");
            return 0;
        }

        return value;
    }
}

/// <summary>Bad command-line usage: reported with the usage text and exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
