using NotebookRunner.Doctor;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests.Doctor;

/// <summary>
/// doctor's checks, each failure shown on a make-believe machine (<see cref="FakeSetup"/>: a PATH of scripts, a
/// kernelspec folder, an empty packages folder); none of these starts a kernel. The shipped kernelspecs are read from
/// the repository itself, so a change to them that loses the protection fails here.
/// </summary>
public sealed class DoctorTests
{
    [Fact]
    public async Task An_SDK_older_than_10_fails_with_the_install_link()
    {
        var result = await Checks.SdkAsync(new FakeSetup().Dotnet("8.0.404").Setup);
        Assert.Equal(CheckMark.Failed, result.Mark);
        Assert.Contains("8.0.404", result.Finding, StringComparison.Ordinal);
        Assert.Contains("install the .NET 10 SDK", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_SDK_that_global_json_rejects_fails_with_the_SDK_s_own_words()
    {
        var setup = new FakeSetup().Tool("dotnet", "echo 'A compatible .NET SDK was not found.' >&2; exit 145").Setup;
        var result = await Checks.SdkAsync(setup);
        Assert.Equal(CheckMark.Failed, result.Mark);
        Assert.Contains("A compatible .NET SDK was not found.", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_dotnet_on_PATH_fails()
    {
        var result = await Checks.SdkAsync(new FakeSetup().Setup);
        Assert.Equal("✗ .NET SDK: dotnet is not on PATH → install the .NET 10 SDK (https://dotnet.microsoft.com/download, or on Debian/Ubuntu .devcontainer/setup.sh), then open a new terminal", result.ToString());
    }

    [Fact]
    public async Task SDK_10_passes_naming_its_version_and_where_it_is()
    {
        var fake = new FakeSetup().Dotnet("10.0.401");
        var result = await Checks.SdkAsync(fake.Setup);
        Assert.Equal($"✓ .NET SDK: 10.0.401 ({Path.Combine(fake.Bin, "dotnet")})", result.ToString());
    }

    [Fact]
    public void The_pinned_kernel_not_restored_fails_with_dotnet_tool_restore_and_names_a_wrong_version_found()
    {
        var fake = new FakeSetup().Restored("1.0.611002");
        var result = Checks.PinnedKernel(fake.Setup);
        Assert.Equal(CheckMark.Failed, result.Mark);
        Assert.Equal("dotnet tool restore", result.Fix);
        Assert.Contains($"microsoft.dotnet-interactive {FakeSetup.PinnedVersion}, pinned in .config/dotnet-tools.json, is not restored", result.Finding, StringComparison.Ordinal);
        Assert.Contains("(only 1.0.611002 there)", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pinned_kernel_restored_passes_with_the_manifest_s_version()
    {
        var result = Checks.PinnedKernel(new FakeSetup().Restored().Setup);
        Assert.Equal(CheckMark.Ok, result.Mark);
        Assert.StartsWith($"microsoft.dotnet-interactive {FakeSetup.PinnedVersion}, restored in ", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pinned_kernel_in_the_default_packages_folder_counts_when_NUGET_PACKAGES_points_elsewhere()
    {
        // dotnet tool restore finds the tool in ~/.nuget/packages and leaves NUGET_PACKAGES without it; tool run starts it from there.
        var home = new FakeSetup().Restored();
        var setup = new FakeSetup().Setup with { DefaultPackagesFolder = home.Packages };
        var result = Checks.PinnedKernel(setup);
        Assert.Equal($"✓ pinned kernel: microsoft.dotnet-interactive {FakeSetup.PinnedVersion}, restored in {home.Packages}", result.ToString());
    }

    [Fact]
    public async Task A_kernel_that_is_not_restored_is_not_started_and_fails()
    {
        var result = await Checks.KernelAsync(new FakeSetup().Setup, restored: false);
        Assert.Equal("✗ kernel: not started: the pinned kernel is not restored → dotnet tool restore", result.ToString());
    }

    [Fact]
    public async Task No_Jupyter_is_a_note_not_a_failure_and_says_how_to_install_it()
    {
        var results = await Checks.JupyterAsync(new FakeSetup().Setup);
        var result = Assert.Single(results);
        Assert.Equal(CheckMark.Note, result.Mark);
        Assert.Contains("apt-get install -y jupyter-client python3-nbclient", result.Fix, StringComparison.Ordinal);
        Assert.Contains("jupyter-kernelspec install --user --name .net-csharp notebooks/kernelspec/posix", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jupyter_without_a_net_csharp_kernel_fails_with_the_install_command()
    {
        var fake = new FakeSetup().Jupyter(("python3", """{ "argv": ["python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "Python 3", "language": "python" }"""));
        var result = Assert.Single(await Checks.JupyterAsync(fake.Setup));
        Assert.Equal(CheckMark.Failed, result.Mark);
        Assert.Contains("no .net-csharp kernel is installed", result.Finding, StringComparison.Ordinal);
        Assert.Equal("jupyter-kernelspec install --user --name .net-csharp notebooks/kernelspec/posix", result.Fix);
    }

    [Fact]
    public async Task The_shipped_POSIX_kernelspec_passes_naming_the_unix_socket()
    {
        var fake = new FakeSetup().Jupyter((".net-csharp", FakeSetup.Shipped("posix")));
        var result = Assert.Single(await Checks.JupyterAsync(fake.Setup));
        Assert.Equal(CheckMark.Ok, result.Mark);
        Assert.Contains("is ours (notebooks/kernelspec/posix)", result.Finding, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(fake.Root, ".fake-jupyter", "kernels", ".net-csharp"), result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kernelspec_dotnet_interactive_jupyter_install_writes_fails_saying_it_opens_the_network()
    {
        var fake = new FakeSetup().Jupyter((".net-csharp", FakeSetup.NetworkKernelspec), (".net-fsharp", FakeSetup.NetworkKernelspec.Replace("csharp", "fsharp", StringComparison.Ordinal)));
        var results = await Checks.JupyterAsync(fake.Setup);
        Assert.Equal(2, results.Count);
        Assert.Equal(CheckMark.Failed, results[0].Mark);
        Assert.Contains("the one `dotnet interactive jupyter install` writes", results[0].Finding, StringComparison.Ordinal);
        Assert.Contains("every network interface", results[0].Finding, StringComparison.Ordinal);
        Assert.Equal("jupyter-kernelspec install --user --name .net-csharp notebooks/kernelspec/posix (it replaces that one), and do not run dotnet interactive jupyter install again", results[0].Fix);
        Assert.Equal(CheckMark.Note, results[1].Mark);
        Assert.Equal("jupyter-kernelspec remove -y .net-fsharp", results[1].Fix);
    }

    [Fact]
    public async Task The_Windows_kernelspec_on_Linux_is_a_note_pointing_at_the_POSIX_one()
    {
        var fake = new FakeSetup().Jupyter((".net-csharp", FakeSetup.Shipped("windows")));
        var result = Assert.Single(await Checks.JupyterAsync(fake.Setup));
        Assert.Equal(CheckMark.Note, result.Mark);
        Assert.Contains("127.0.0.1", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_Jupyter_fails_with_its_first_line()
    {
        var fake = new FakeSetup().Tool("jupyter-kernelspec", "echo 'ModuleNotFoundError: No module named jupyter_client' >&2; exit 1");
        var result = Assert.Single(await Checks.JupyterAsync(fake.Setup));
        Assert.Equal(CheckMark.Failed, result.Mark);
        Assert.Contains("ModuleNotFoundError: No module named jupyter_client", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_newer_than_its_sources_passes_without_building()
    {
        // No dotnet on the fake PATH: a build would fail, so passing shows none was started.
        var result = await Checks.LibraryAsync(new FakeSetup().LibraryBuilt(upToDate: true).Setup);
        Assert.Equal(CheckMark.Ok, result.Mark);
        Assert.Contains("up to date", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_library_that_does_not_build_fails_with_the_first_error()
    {
        var fake = new FakeSetup().LibraryBuilt(upToDate: false)
            .Tool("dotnet", "echo 'Layer.cs(1,14): error CS1513: } expected'; echo 'Build FAILED.'; exit 1");
        var result = await Checks.LibraryAsync(fake.Setup);
        Assert.Equal(CheckMark.Failed, result.Mark);
        Assert.Equal("lib/Backprop.Notebooks does not build: Layer.cs(1,14): error CS1513: } expected", result.Finding);
        Assert.Equal("dotnet build lib/Backprop.Notebooks, then fix the first error it names", result.Fix);
    }

    [Fact]
    public async Task A_missing_library_is_built_now()
    {
        var result = await Checks.LibraryAsync(new FakeSetup().Tool("dotnet", "[ \"$1\" = build ] && exit 0; exit 3").Setup);
        Assert.Equal(CheckMark.Ok, result.Mark);
        Assert.Contains("is built now", result.Finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "ko_KR.UTF-8", "ko-KR (LANG=ko_KR.UTF-8)", "Korean")]
    [InlineData("", "", "ja_JP.UTF-8", "ja-JP (LANG=ja_JP.UTF-8)", "Japanese")]
    [InlineData("", "", "de_DE.UTF-8", "de-DE (LANG=de_DE.UTF-8)", "English")]
    [InlineData("", "", "C.UTF-8", "invariant (LANG=C.UTF-8)", "English")]
    [InlineData("ja_JP.UTF-8", "", "ko_KR.UTF-8", "ja-JP (LC_ALL=ja_JP.UTF-8)", "Japanese")]
    [InlineData("", "ko_KR.UTF-8", "en_US.UTF-8", "ko-KR (LC_MESSAGES=ko_KR.UTF-8)", "Korean")]
    public void The_UI_culture_decides_the_language_of_the_library_s_messages(string all, string messages, string lang, string culture, string language)
    {
        var fake = new FakeSetup();
        fake.Locale["LC_ALL"] = all;
        fake.Locale["LC_MESSAGES"] = messages;
        fake.Locale["LANG"] = lang;
        var result = Checks.Culture(fake.Setup);
        Assert.Equal(CheckMark.Ok, result.Mark);
        Assert.StartsWith(culture + ": the library's messages in notebooks of your own will be in " + language, result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_is_one_line_per_check_and_exits_0_when_only_notes_remain()
    {
        var fake = new FakeSetup().Dotnet("10.0.401").Restored().LibraryBuilt(upToDate: true);
        var output = new StringWriter();
        var exit = await DoctorCommand.ExecuteAsync(fake.Setup, output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal(["✓ .NET SDK", "✓ pinned kernel", "✓ library", "! Jupyter", "✓ UI culture"], lines[1..^1].Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal("Run All should work: open a notebook in notebooks/ and run it.", lines[^1]);
    }

    [Fact]
    public async Task The_report_exits_1_when_a_check_fails_and_counts_the_failures()
    {
        var fake = new FakeSetup().Dotnet("8.0.404").LibraryBuilt(upToDate: true).Jupyter((".net-csharp", FakeSetup.NetworkKernelspec));
        var output = new StringWriter();
        var exit = await DoctorCommand.ExecuteAsync(fake.Setup, output);
        Assert.Equal(1, exit);
        Assert.EndsWith("3 checks failed: type the command after → on each ✗ line, then run doctor again.\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_runs_doctor_in_the_repository_one_line_per_check()
    {
        // The real machine: whatever it lacks, every line is a check with its mark, and the exit code follows the ✗ lines.
        var run = await RunnerProcess.RunAsync("doctor", "--no-kernel");
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Backprop Notebooks doctor: ", lines[0], StringComparison.Ordinal);
        Assert.All(lines[1..^1], l => Assert.Matches("^[✓!✗] [^:]+: ", l));
        Assert.Contains(lines, l => l.StartsWith("✓ library: ", StringComparison.Ordinal) || l.StartsWith("✗ library: ", StringComparison.Ordinal));
        Assert.Equal(lines.Any(l => l.StartsWith('✗')) ? 1 : 0, run.ExitCode);
    }

    [Fact]
    public async Task A_real_kernel_starts_from_notebooks_and_reports_its_time()
    {
        var setup = DoctorSetup.FromProcess(FakeSetup.Repository);
        var result = await Checks.KernelAsync(setup, restored: Checks.PinnedKernel(setup).Mark == CheckMark.Ok || ExternalTool.IsCi);
        Assert.Equal(CheckMark.Ok, result.Mark);
        Assert.Matches(@"^started from notebooks/ and ran a cell in \d+\.\d s \(start \d+\.\d s, cell \d+\.\d\d s\)$", result.Finding);
    }
}
