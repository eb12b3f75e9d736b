using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Backprop.Benchmarks;

/// <summary>
/// A short job that finishes the whole suite in a few minutes on a shared two-core machine, and reports
/// medians, the statistic NumPy's anchor prints (a median is not dragged by the odd descheduled run), and
/// minimums, which show what the code can do when nothing else is running.
/// </summary>
/// <remarks>
/// In process: no second build of the library, which other people may be building at the same moment.
/// Every benchmark therefore sets MathNet's global <c>Control</c> state itself in its GlobalSetup.
/// </remarks>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(200))
            .WithId("Short"));
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub);
    }
}
