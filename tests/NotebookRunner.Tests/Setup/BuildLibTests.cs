using System.Text.Json.Nodes;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Tests.Doctor;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests.Setup;

/// <summary>
/// notebooks/build-lib.csx, the first cell of every notebook, in the real kernel: what it says while it builds, when
/// it has nothing to do and when the kernel must restart, in the edition's language (here Korean: a notebook in
/// notebooks/ko). The library is a one-class stand-in, so the build is quick and the repository's own is not touched.
/// </summary>
public sealed class BuildLibTests
{
    [Fact]
    public async Task A_Korean_notebook_hears_the_first_build_then_up_to_date_then_restart_after_an_edit_in_Korean()
    {
        var root = Fixtures.TempFolder();
        Directory.CreateDirectory(Path.Combine(root, "notebooks", "ko"));
        File.Copy(Path.Combine(FakeSetup.Repository, "notebooks", "build-lib.csx"), Path.Combine(root, "notebooks", "build-lib.csx"));
        var library = Directory.CreateDirectory(Path.Combine(root, "lib", "Backprop.Notebooks")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "lib", "Backprop"));
        Directory.CreateDirectory(Path.Combine(root, "lib", "CSharpHighlighter"));
        File.WriteAllText(Path.Combine(library, "Backprop.Notebooks.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(library, "Layer.cs"), "namespace Backprop.Notebooks; public static class Layer { public static int Answer => 42; }\n");
        var source = Path.Combine(library, "Layer.cs");

        string[] cells =
        [
            "#load \"../build-lib.csx\"",
            "#load \"../build-lib.csx\"",
            "#r \"../../lib/Backprop.Notebooks/bin/Debug/net10.0/Backprop.Notebooks.dll\"\nBackprop.Notebooks.Layer.Answer",
            $"System.IO.File.SetLastWriteTimeUtc(@\"{source}\", DateTime.UtcNow.AddSeconds(5));",
            "#load \"../build-lib.csx\"",
            "#load \"../build-lib.csx\"",
        ];
        var path = Path.Combine(root, "notebooks", "ko", "build.ipynb");
        File.WriteAllText(path, NotebookJson(cells));

        var result = await new NotebookExecutor(ExecutionSettings.Default).RunAsync(NotebookReader.Read(path));
        Assert.True(result.Succeeded, string.Join("\n", result.Cells.Select(c => c.Message)));
        string Text(int cell) => string.Concat(result.Outputs(cell).Select(o => o.Text));

        var first = Text(1).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("lib/Backprop.Notebooks가 아직 빌드되지 않아서 지금 dotnet build로 빌드합니다. 보통 30초쯤 걸립니다(이 컴퓨터에서 처음이면 NuGet 패키지를 내려받는 동안 더 걸립니다). 빌드가 끝나면 이 셀도 끝납니다.", first[0]);
        Assert.Matches(@"^lib/Backprop\.Notebooks를 \d+초 만에 빌드했습니다\.$", first[1]);
        Assert.Equal("lib/Backprop.Notebooks는 최신 상태입니다.\n", Text(2));
        var rebuilt = Text(5).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("lib/Backprop.Notebooks/Layer.cs 파일이 바뀌어서 lib/Backprop.Notebooks를 dotnet build로 다시 빌드합니다. 보통 15초쯤 걸립니다. 빌드가 끝나면 이 셀도 끝납니다.", rebuilt[0]);
        Assert.Matches(@"^lib/Backprop\.Notebooks를 \d+초 만에 빌드했습니다\.$", rebuilt[1]);
        const string restart = "lib/Backprop.Notebooks를 다시 빌드했지만, 이 커널은 전에 불러온 라이브러리를 계속 씁니다. 커널을 다시 시작한 뒤 준비 셀들을 다시 실행하십시오.";
        Assert.Equal(restart, rebuilt[2]);
        Assert.Equal(restart + "\n", Text(6));

        // The rebuild's time is kept for the next estimate.
        Assert.True(File.Exists(Path.Combine(library, "obj", "build-lib.seconds")));
    }

    private static string NotebookJson(IEnumerable<string> cells)
    {
        var list = new JsonArray();
        foreach (var code in cells)
        {
            list.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["outputs"] = new JsonArray(),
                ["source"] = code,
            });
        }

        return new JsonObject
        {
            ["cells"] = list,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        }.ToJsonString();
    }
}
