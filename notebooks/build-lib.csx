// Loaded by the first cell of every chapter notebook: makes sure lib/Backprop.Notebooks/bin/Debug/net10.0
// holds a Backprop.Notebooks.dll (and the Backprop.dll it carries) built from the current sources, so
// "Run All" works from a fresh clone. When the DLL is newer than every *.cs, *.csproj and *.resx under lib/Backprop,
// lib/Backprop.Notebooks and lib/CSharpHighlighter (which it references), this costs a few file stats and starts no process.
// It speaks the notebook's language (notebooks/ko: Korean, notebooks/ja: Japanese, else English), chosen from the
// kernel's working folder, since it runs before Notebook.Setup and cannot use the library's resources.
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

static class BuildLib
{
    const string RestartNeeded = "backprop-notebooks.build-lib.restart-needed";
    static readonly string[] SourceFolders = { "Backprop", "Backprop.Notebooks", "CSharpHighlighter" };

    // How long a build takes, in seconds, measured on the shared 2-core VM of lib/NotebookRunner/README.md ("The first
    // run"), the packages already downloaded: a first build restores and compiles three projects (31 s), a rebuild
    // after an edit compiles what changed (13 s). After each rebuild the cell keeps its own time in obj/build-lib.seconds
    // and quotes that instead.
    const int FirstBuildSeconds = 30;
    const int RebuildSeconds = 15;

    // The messages, per edition. "UpToDate" is the cell's whole output whenever nothing is built (every run of the
    // runner, which builds the library before any kernel starts): one fixed line, so stored outputs never change.
    static readonly Dictionary<string, Dictionary<string, string>> Messages = new()
    {
        ["en"] = new()
        {
            ["UpToDate"] = "lib/Backprop.Notebooks is up to date.",
            ["FirstBuild"] = "lib/Backprop.Notebooks has not been built yet: building it now with dotnet build, which usually takes about {0} s (longer while its NuGet packages download, the first time on a machine). This cell ends when the build does.",
            ["Rebuild"] = "{1} changed: rebuilding lib/Backprop.Notebooks with dotnet build, which usually takes about {0} s. This cell ends when the build does.",
            ["Built"] = "lib/Backprop.Notebooks was built in {0} s.",
            ["Restart"] = "lib/Backprop.Notebooks was rebuilt, but this kernel still runs the library it loaded before: restart the kernel, then run the set-up cells again.",
        },
        ["ko"] = new()
        {
            ["UpToDate"] = "lib/Backprop.Notebooks는 최신 상태입니다.",
            ["FirstBuild"] = "lib/Backprop.Notebooks가 아직 빌드되지 않아서 지금 dotnet build로 빌드합니다. 보통 {0}초쯤 걸립니다(이 컴퓨터에서 처음이면 NuGet 패키지를 내려받는 동안 더 걸립니다). 빌드가 끝나면 이 셀도 끝납니다.",
            ["Rebuild"] = "{1} 파일이 바뀌어서 lib/Backprop.Notebooks를 dotnet build로 다시 빌드합니다. 보통 {0}초쯤 걸립니다. 빌드가 끝나면 이 셀도 끝납니다.",
            ["Built"] = "lib/Backprop.Notebooks를 {0}초 만에 빌드했습니다.",
            ["Restart"] = "lib/Backprop.Notebooks를 다시 빌드했지만, 이 커널은 전에 불러온 라이브러리를 계속 씁니다. 커널을 다시 시작한 뒤 준비 셀들을 다시 실행하십시오.",
        },
        ["ja"] = new()
        {
            ["UpToDate"] = "lib/Backprop.Notebooks は最新の状態です。",
            ["FirstBuild"] = "lib/Backprop.Notebooks がまだビルドされていないので、dotnet build でビルドします。通常 {0} 秒ほどかかります（このコンピュータで初めてのときは、NuGet パッケージのダウンロードの分だけ長くかかります）。ビルドが終わると、このセルも終わります。",
            ["Rebuild"] = "{1} が変更されたので、lib/Backprop.Notebooks を dotnet build でビルドし直します。通常 {0} 秒ほどかかります。ビルドが終わると、このセルも終わります。",
            ["Built"] = "lib/Backprop.Notebooks を {0} 秒でビルドしました。",
            ["Restart"] = "lib/Backprop.Notebooks をビルドし直しましたが、このカーネルは以前に読み込んだライブラリを使い続けます。カーネルを再起動してから、準備のセルをもう一度実行してください。",
        },
    };

    // The notebook's edition: the kernel starts in the notebook's folder (Jupyter, Polyglot, the runner).
    static string Language(string folder) => Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)) switch
    {
        "ko" => "ko",
        "ja" => "ja",
        _ => "en",
    };

    static string Say(string key, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, Messages[Language(Directory.GetCurrentDirectory())][key], values);

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
            Console.WriteLine(Say("Restart"));
            return;
        }

        if (Stale(lib, dll) is null)
        {
            Console.WriteLine(Say("UpToDate"));
            return;
        }

        // Several notebooks may start at once (the runner's --jobs, parallel tests): one builds, the
        // others wait on the lock and then find the DLL fresh.
        string lockDir = Path.Combine(lib, "Backprop.Notebooks", "obj");
        Directory.CreateDirectory(lockDir);
        using (AcquireLock(Path.Combine(lockDir, "build-lib.lock")))
        {
            string changed = Stale(lib, dll);
            if (changed is null)
            {
                Console.WriteLine(Say("UpToDate"));
                return;
            }

            // Say what is happening before the wait: a first build (no DLL yet) restores and compiles everything; a
            // rebuild after an edit quotes this clone's last rebuild time when there is one.
            string record = Path.Combine(lockDir, "build-lib.seconds");
            bool first = !File.Exists(dll);
            int usual = first ? FirstBuildSeconds
                : File.Exists(record) && int.TryParse(File.ReadAllText(record).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int last) ? last
                : RebuildSeconds;
            Console.WriteLine(first ? Say("FirstBuild", Round(usual)) : Say("Rebuild", Round(usual), changed));
            var clock = Stopwatch.StartNew();
            Build(project);
            int took = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);
            if (!first)
            {
                File.WriteAllText(record, took.ToString(CultureInfo.InvariantCulture));
            }

            Console.WriteLine(Say("Built", took));

            // MSBuild skips a compile whose inputs did not change, leaving an old DLL behind a touched
            // source file; stamping the DLL keeps the next check from building again for nothing.
            File.SetLastWriteTimeUtc(dll, DateTime.UtcNow);
            // A kernel keeps the assemblies it has loaded: after an edit to lib/, re-running the set-up cells
            // builds a new DLL that this kernel cannot load. Say so, rather than "up to date".
            if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name is "Backprop" or "Backprop.Notebooks"))
            {
                AppDomain.CurrentDomain.SetData(RestartNeeded, true);
                Console.WriteLine(Say("Restart"));
            }
        }
    }

    // A quoted duration: whole seconds below 10, else to the nearest 5 (it is an estimate).
    static int Round(int seconds) => seconds < 10 ? Math.Max(seconds, 1) : (int)(Math.Round(seconds / 5.0) * 5);

    // Null when the DLL is newer than every source; else the first newer source (its path below lib/), or the DLL's
    // own name when there is none yet.
    // (A script compiles without nullable annotations: a `string?` here would print warning CS8632 in Jupyter.)
    static string Stale(string lib, string dll)
    {
        if (!File.Exists(dll))
        {
            return Path.GetFileName(dll);
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
                    return "lib/" + Path.GetRelativePath(lib, file).Replace(Path.DirectorySeparatorChar, '/');
                }
            }
        }

        return null;
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
