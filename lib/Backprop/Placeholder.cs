namespace Backprop;

/// <summary>Placeholder.</summary>
public static class Placeholder { }
