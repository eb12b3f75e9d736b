// Loaded by the first cell of every chapter notebook: makes sure lib/Backprop.Notebooks/bin/Debug/net10.0
// holds a Backprop.Notebooks.dll (and the Backprop.dll it carries) built from the current sources, so
// "Run All" works from a fresh clone. When the DLL is newer than every *.cs, *.csproj and *.resx under lib/Backprop,
// lib/Backprop.Notebooks and lib/CSharpHighlighter (which it references), this costs a few file stats and starts no process.
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

static class BuildLib
{
    const string UpToDate = "lib/Backprop.Notebooks is up to date.";
    const string RestartNeeded =
        "lib/Backprop.Notebooks was rebuilt, but this kernel still runs the library it loaded before: restart the kernel, then run the set-up cells again.";
    static readonly string[] SourceFolders = { "Backprop", "Backprop.Notebooks", "CSharpHighlighter" };

    public static void EnsureBuilt([CallerFilePath] string scriptPath = "")
    {
        string notebooks = Path.IsPathRooted(scriptPath) && File.Exists(scriptPath)
            ? Path.GetDirectoryName(scriptPath)!
            : Directory.GetCurrentDirectory();
        string lib = Path.GetFullPath(Path.Combine(notebooks, "..", "lib"));
        string project = Path.Combine(lib, "Backprop.Notebooks", "Backprop.Notebooks.csproj");
        string dll = Path.Combine(lib, "Backprop.Notebooks", "bin", "Debug", "net10.0", "Backprop.Notebooks.dll");
        if (!File.Exists(project))
        {
            throw new FileNotFoundException($"build-lib.csx expects the repository layout: {project} is missing.");
        }

        // Remembered across runs of this cell in one kernel: the rebuilt library stays unloaded until a restart.
        if (AppDomain.CurrentDomain.GetData(RestartNeeded) is true)
        {
            Console.WriteLine(RestartNeeded);
            return;
        }

        if (!IsStale(lib, dll))
        {
            Console.WriteLine(UpToDate);
            return;
        }

        // Several notebooks may start at once (the runner's --jobs, parallel tests): one builds, the
        // others wait on the lock and then find the DLL fresh.
        string lockDir = Path.Combine(lib, "Backprop.Notebooks", "obj");
        Directory.CreateDirectory(lockDir);
        using (AcquireLock(Path.Combine(lockDir, "build-lib.lock")))
        {
            if (!IsStale(lib, dll))
            {
                Console.WriteLine(UpToDate);
                return;
            }

            Build(project);
            // MSBuild skips a compile whose inputs did not change, leaving an old DLL behind a touched
            // source file; stamping the DLL keeps the next check from building again for nothing.
            File.SetLastWriteTimeUtc(dll, DateTime.UtcNow);
            // A kernel keeps the assemblies it has loaded: after an edit to lib/, re-running the set-up cells
            // builds a new DLL that this kernel cannot load. Say so, rather than "up to date".
            if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name is "Backprop" or "Backprop.Notebooks"))
            {
                AppDomain.CurrentDomain.SetData(RestartNeeded, true);
                Console.WriteLine(RestartNeeded);
                return;
            }

            // The same line as when nothing was built: it is true either way, and a stored output must
            // not depend on whether this particular run happened to build (the runner's --check).
            Console.WriteLine(UpToDate);
        }
    }

    static bool IsStale(string lib, string dll)
    {
        if (!File.Exists(dll))
        {
            return true;
        }

        DateTime built = File.GetLastWriteTimeUtc(dll);
        foreach (string folder in SourceFolders)
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(lib, folder), "*", SearchOption.AllDirectories))
            {
                bool source = file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal)
                    || file.EndsWith(".resx", StringComparison.Ordinal);
                if (source && !IsBuildOutput(lib, folder, file) && File.GetLastWriteTimeUtc(file) > built)
                {
                    return true;
                }
            }
        }

        return false;
    }

    static bool IsBuildOutput(string lib, string folder, string file)
    {
        string relative = Path.GetRelativePath(Path.Combine(lib, folder), file);
        return relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    static void Build(string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "build", project, "-c", "Debug", "-nologo", "-v:q", "--disable-build-servers" })
        {
            start.ArgumentList.Add(argument);
        }

        // A host that is itself running under MSBuild or dotnet test passes down variables that point
        // a child build at the parent's SDK internals; the child must find its own.
        foreach (string name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet build {Path.GetFileName(project)} failed (exit code {process.ExitCode}):\n{stdout}{stderr.Result}");
        }
    }

    static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}

BuildLib.EnsureBuilt();
