using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NotebookRunner.Engine.Kernel;

/// <summary>
/// Starts kernel processes so that they die with the runner, even when the runner is killed outright (SIGKILL, a CI
/// timeout) and has no chance to stop them itself.
/// <list type="bullet">
/// <item>Linux: the kernel runs under util-linux <c>setpriv --pdeathsig KILL</c> (in Debian's essential util-linux),
/// so the kernel gets SIGKILL when the thread that started it ends. That "parent" is a thread, not the process: hence
/// one long-lived thread starts every kernel, and it ends only with the runner.</item>
/// <item>Windows: every kernel joins a job object that kills its processes when its last handle closes, which the
/// system does when the runner ends, however it ends.</item>
/// </list>
/// Elsewhere (macOS) kernels are stopped only by the runner's own clean-up.
/// </summary>
internal static class KernelLifetime
{
    private static readonly string? Setpriv = OperatingSystem.IsLinux()
        ? new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists)
        : null;

    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = [];

    private static readonly Lazy<Thread> Starter = new(() =>
    {
        var thread = new Thread(StartEach) { IsBackground = true, Name = "kernel starter" };
        thread.Start();
        return thread;
    });

    private static readonly Lazy<nint> Job = new(WindowsJob.Create);

    /// <summary>Starts <paramref name="start"/> tied to this process's life where the platform allows.</summary>
    public static Task<Process> StartAsync(ProcessStartInfo start)
    {
        if (OperatingSystem.IsWindows())
        {
            var process = Start(start);
            WindowsJob.Assign(Job.Value, process);
            return Task.FromResult(process);
        }

        if (Setpriv is null)
        {
            return Task.FromResult(Start(start));
        }

        string[] arguments = ["--pdeathsig", "KILL", "--", start.FileName, .. start.ArgumentList];
        start.FileName = Setpriv;
        start.ArgumentList.Clear();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Starter.Value;
        Requests.Add((start, started));
        return started.Task;
    }

    private static void StartEach()
    {
        foreach (var (start, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Start(start));
            }
            catch (Exception e)
            {
                // Handed to the caller; this thread must live on to start (and so keep alive) the other kernels.
                started.SetException(e);
            }
        }
    }

    private static Process Start(ProcessStartInfo start) =>
        Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");

    private static class WindowsJob
    {
        private const int ExtendedLimitInformation = 9;
        private const uint KillOnJobClose = 0x2000;

        public static nint Create()
        {
            var job = CreateJobObject(0, null);
            var limits = new ExtendedLimits { BasicLimitInformation = new BasicLimits { LimitFlags = KillOnJobClose } };
            if (job == 0 || !SetInformationJobObject(job, ExtendedLimitInformation, ref limits, (uint)Marshal.SizeOf<ExtendedLimits>()))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }

            return job;
        }

        public static void Assign(nint job, Process process)
        {
            if (!AssignProcessToJobObject(job, process.Handle))
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct BasicLimits
        {
            public long PerProcessUserTimeLimit;
            public long PerJobUserTimeLimit;
            public uint LimitFlags;
            public nuint MinimumWorkingSetSize;
            public nuint MaximumWorkingSetSize;
            public uint ActiveProcessLimit;
            public nuint Affinity;
            public uint PriorityClass;
            public uint SchedulingClass;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct ExtendedLimits
        {
            public BasicLimits BasicLimitInformation;
            public ulong ReadOperationCount, WriteOperationCount, OtherOperationCount, ReadTransferCount, WriteTransferCount, OtherTransferCount;
            public nuint ProcessMemoryLimit, JobMemoryLimit, PeakProcessMemoryUsed, PeakJobMemoryUsed;
        }

        [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern nint CreateJobObject(nint attributes, string? name);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool SetInformationJobObject(nint job, int infoClass, ref ExtendedLimits info, uint length);

        [DllImport("kernel32.dll", SetLastError = true)]
        private static extern bool AssignProcessToJobObject(nint job, nint process);
    }
}
