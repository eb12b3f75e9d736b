namespace Backprop.Notebooks.NumPyText;

/// <summary>Turns one array element into its fixed-width column text.</summary>
internal interface IElementFormat<in T>
{
    string Format(T value);
}
