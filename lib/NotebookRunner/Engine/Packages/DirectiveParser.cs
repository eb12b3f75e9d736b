using System.Text.RegularExpressions;

namespace NotebookRunner.Engine.Packages;

/// <summary>
/// Finds the directives Roslyn itself does not know: <c>#r "nuget: Name, Version"</c> and <c>#i "nuget: source"</c>.
/// Plain <c>#r "file.dll"</c> and <c>#load</c> stay in the code for Roslyn's resolvers.
/// </summary>
public static partial class DirectiveParser
{
    [GeneratedRegex("""^\s*#(?<kind>[ri])\s+"\s*nuget\s*:(?<arg>[^"]*)"\s*(//.*)?$""")]
    private static partial Regex NuGetDirective();

    public static ParsedCell Parse(string code, string baseDirectory)
    {
        var lines = code.Split('\n');
        var packages = new List<PackageRequest>();
        var sources = new List<string>();
        var errors = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = NuGetDirective().Match(lines[i].TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var argument = match.Groups["arg"].Value.Trim();
            if (match.Groups["kind"].Value == "i")
            {
                sources.Add(ResolveSource(argument, baseDirectory));
            }
            else
            {
                var parts = argument.Split(',', StringSplitOptions.TrimEntries);
                if (parts.Length is < 1 or > 2 || parts[0].Length == 0 || parts[0].Contains(' ', StringComparison.Ordinal))
                {
                    errors.Add($"({i + 1},1): error: expected #r \"nuget: Name, Version\" but found: {lines[i].Trim()}");
                }
                else
                {
                    packages.Add(new PackageRequest(parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null));
                }
            }

            lines[i] = "";
        }

        return new ParsedCell(string.Join('\n', lines), packages, sources, errors);
    }

    /// <summary>A source is a feed URL or a folder; a relative folder is relative to the notebook.</summary>
    private static string ResolveSource(string source, string baseDirectory) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile
            ? source
            : Path.GetFullPath(source, baseDirectory);
}
