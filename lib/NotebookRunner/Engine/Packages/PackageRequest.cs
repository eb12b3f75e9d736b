namespace NotebookRunner.Engine.Packages;

/// <summary>One <c>#r "nuget: Name, Version"</c>; a missing version means the newest (Polyglot's "*").</summary>
public sealed record PackageRequest(string Name, string? Version)
{
    public string VersionOrLatest => string.IsNullOrWhiteSpace(Version) ? "*" : Version;

    public override string ToString() => Version is null ? Name : $"{Name}, {Version}";
}
