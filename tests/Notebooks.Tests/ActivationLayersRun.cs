namespace Notebooks.Tests;

/// <summary>5.5-activation-layers.ipynb, executed once for its test class.</summary>
public sealed class ActivationLayersRun() : ExecutedNotebook("5.5-activation-layers.ipynb");
