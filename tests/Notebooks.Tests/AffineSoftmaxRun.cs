namespace Notebooks.Tests;

/// <summary>5.6-affine-softmax.ipynb, executed once for its test class.</summary>
public sealed class AffineSoftmaxRun() : ExecutedNotebook("5.6-affine-softmax.ipynb");
