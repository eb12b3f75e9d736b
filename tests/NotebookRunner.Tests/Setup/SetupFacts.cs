namespace NotebookRunner.Tests.Setup;

/// <summary>
/// The fresh-user test of .devcontainer/setup.sh: a fresh clone, a clean HOME, the script, then the README's first
/// command and a Jupyter run of 5.4. It takes minutes and installs with apt, so it runs only when asked:
/// BACKPROP_SETUP_TEST=1 (which .ci/run sets).
/// </summary>
public sealed class SetupScriptFactAttribute : FactAttribute
{
    public const string Variable = "BACKPROP_SETUP_TEST";

    public SetupScriptFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"slow (a fresh clone and a clean HOME through .devcontainer/setup.sh): set {Variable}=1 to run it";
        }
        else if (OperatingSystem.IsWindows())
        {
            Skip = "setup.sh is for Debian and Ubuntu";
        }
    }
}

/// <summary>
/// The schema check of devcontainer.json. The published schema is not in any registry this repository may reach
/// (it lives in github.com/devcontainers/spec and github.com/microsoft/vscode), so it is not committed and not
/// downloaded: DEVCONTAINER_SCHEMAS names a folder holding its four files (validate_devcontainer.py lists them).
/// </summary>
public sealed class DevcontainerSchemaFactAttribute : FactAttribute
{
    public const string Variable = "DEVCONTAINER_SCHEMAS";

    public DevcontainerSchemaFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } folder || !Directory.Exists(folder))
        {
            Skip = $"{Variable} does not name a folder with the published dev container schema (devContainer.schema.json and the three it references)";
        }
    }
}
