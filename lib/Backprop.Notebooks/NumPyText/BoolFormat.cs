namespace Backprop.Notebooks.NumPyText;

/// <summary>NumPy's boolean column: "False" and " True", so the two words line up.</summary>
internal sealed class BoolFormat : IElementFormat<bool>
{
    public string Format(bool value) => value ? " True" : "False";
}
