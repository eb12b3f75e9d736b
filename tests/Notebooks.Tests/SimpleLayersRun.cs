namespace Notebooks.Tests;

/// <summary>5.4-simple-layers.ipynb, executed once for its test class.</summary>
public sealed class SimpleLayersRun() : ExecutedNotebook("5.4-simple-layers.ipynb");
