namespace Backprop.Notebooks.Tests;

/// <summary>Tests that read or change the process-wide Formatter registry run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FormatterCollection
{
    public const string Name = "Formatter registry";
}
