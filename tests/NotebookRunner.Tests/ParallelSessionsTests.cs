using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace NotebookRunner.Tests;

/// <summary>Notebooks running at the same time keep their state and their console output apart.</summary>
public sealed class ParallelSessionsTests
{
    [Fact]
    public async Task Two_notebooks_running_together_each_see_only_their_own_output_and_variables()
    {
        static Notebook Make(string name) => Notebook.Create(
        [
            ("csharp", $"var me = \"{name}\";"),
            ("csharp", "for (var i = 0; i < 50; i++) { Console.WriteLine(me + \" \" + i); await Task.Delay(1); }\nawait Task.Run(() => Console.WriteLine(me + \" from a task\"));\nme"),
        ]);

        var executor = new NotebookExecutor(ExecutionSettings.Default);
        var results = await Task.WhenAll(executor.RunAsync(Make("left")), executor.RunAsync(Make("right")));

        foreach (var (result, name) in results.Zip(["left", "right"]))
        {
            var outputs = result.Executed.Cells[1].Outputs;
            var lines = outputs[0].Text.TrimEnd('\n').Split('\n');
            Assert.Equal(51, lines.Length);
            Assert.All(lines, line => Assert.StartsWith(name + " ", line, StringComparison.Ordinal));
            Assert.Equal(name, outputs[1].Data["text/plain"]);
        }
    }
}
