namespace Backprop.Notebooks.Display;

/// <summary>A notebook value that renders itself as HTML; its <c>ToString()</c> is the plain-text form.</summary>
internal interface IRichDisplay
{
    string ToHtml();
}
