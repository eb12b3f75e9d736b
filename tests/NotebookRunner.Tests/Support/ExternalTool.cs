namespace NotebookRunner.Tests.Support;

/// <summary>
/// Finds a tool a test needs from the machine. Outside CI a missing tool skips the test with the reason;
/// under CI (CI=true) it must be there, so the test runs and fails loudly instead of skipping.
/// </summary>
public static class ExternalTool
{
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, name))
        .FirstOrDefault(File.Exists);

    /// <summary>Debian's python3 (where apt installs python3-nbformat) before any other on the PATH.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : Find("python3") ?? "python3";

    public static string? SkipReason(string name, string why) =>
        Find(name) is null && !IsCi ? $"{name} is not installed ({why}); install it, or run under CI=true to require it" : null;
}
