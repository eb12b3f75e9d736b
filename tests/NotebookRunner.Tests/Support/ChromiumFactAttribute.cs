namespace NotebookRunner.Tests.Support;

/// <summary>A test that needs Debian's chromium: skipped with a reason when it is missing outside CI.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        Skip = ExternalTool.SkipReason("chromium", "apt-get install -y chromium");
    }
}
