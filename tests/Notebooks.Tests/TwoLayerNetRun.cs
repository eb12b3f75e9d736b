namespace Notebooks.Tests;

/// <summary>5.7-two-layer-net.ipynb, executed once for its test class.</summary>
public sealed class TwoLayerNetRun() : ExecutedNotebook("5.7-two-layer-net.ipynb");
