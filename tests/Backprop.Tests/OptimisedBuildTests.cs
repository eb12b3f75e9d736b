using System.Diagnostics;
using System.Reflection;
using Backprop;
using Xunit;

namespace Backprop.Tests;

public class OptimisedBuildTests
{
    [Fact]
    public void The_library_is_compiled_for_the_JIT_optimiser_in_every_configuration()
    {
        // The notebooks load lib/Backprop.Notebooks/bin/Debug: a Debug build marks the assembly
        // DisableOptimizations, and the JIT then compiles every method of the layers without optimisation.
        var debuggable = typeof(Affine).Assembly.GetCustomAttribute<DebuggableAttribute>();

        Assert.False(debuggable?.IsJITOptimizerDisabled ?? false, "lib/Backprop must set <Optimize>true</Optimize>");
    }
}
