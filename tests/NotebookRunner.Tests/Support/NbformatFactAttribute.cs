using System.Diagnostics;

namespace NotebookRunner.Tests.Support;

/// <summary>A test that needs Python's nbformat (Debian's python3-nbformat): skipped when missing outside CI.</summary>
public sealed class NbformatFactAttribute : FactAttribute
{
    public NbformatFactAttribute()
    {
        if (!ExternalTool.IsCi && !IsInstalled())
        {
            Skip = "python3-nbformat is not installed (apt-get install -y python3-nbformat); run under CI=true to require it";
        }
    }

    private static bool IsInstalled()
    {
        var start = new ProcessStartInfo(ExternalTool.Python, ["-c", "import nbformat"]) { RedirectStandardError = true, UseShellExecute = false };
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit(30_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
