using System.Globalization;

namespace NotebookRunner;

/// <summary>Parses <c>run [PATH...] [options]</c>.</summary>
public static class CommandLine
{
    public const string Usage = """
        usage: dotnet run --project lib/NotebookRunner -- run [PATH...] [options]

        PATH is a .ipynb/.dib notebook or a folder of them (default: notebooks/), run in chapter order.

        options:
          --out DIR             where executed notebooks go (default: artifacts/notebooks/)
          --update              write fresh outputs back into the source .ipynb files (atomic; unchanged files untouched)
          --check               compare fresh outputs with the stored ones and print a diff per drifted cell
          --html DIR            also write one standalone HTML page per notebook (offline: plotly.js inlined)
          --timeout SECONDS     time limit per cell (default: 120)
          --jobs N              notebooks run in parallel (default: number of cores)
          --continue-on-error   keep running a notebook's cells after one fails

        exit codes: 0 all good; 1 a cell failed or (--check) outputs drifted; 2 bad usage or an unreadable notebook
        """;

    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "run")
        {
            throw new UsageException(args.Count == 0 ? "missing command: run" : $"unknown command: {args[0]}");
        }

        var options = new RunOptions();
        var paths = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new UsageException($"{arg} needs a value");
            options = arg switch
            {
                "--out" => options with { OutDirectory = Value() },
                "--update" => options with { Update = true },
                "--check" => options with { Check = true },
                "--html" => options with { HtmlDirectory = Value() },
                "--timeout" => options with { CellTimeout = TimeSpan.FromSeconds(PositiveNumber(arg, Value())) },
                "--jobs" => options with { Jobs = (int)PositiveNumber(arg, Value(), integer: true) },
                "--continue-on-error" => options with { ContinueOnError = true },
                _ when arg.StartsWith('-') => throw new UsageException($"unknown option: {arg}"),
                _ => options,
            };
            if (!arg.StartsWith('-'))
            {
                paths.Add(arg);
            }
        }

        return paths.Count > 0 ? options with { Paths = paths } : options;
    }

    private static double PositiveNumber(string option, string text, bool integer = false)
    {
        var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (!ok || value <= 0 || double.IsInfinity(value) || (integer && value != Math.Floor(value)))
        {
            throw new UsageException($"{option} needs a positive {(integer ? "whole number" : "number")}, not '{text}'");
        }

        return value;
    }
}
