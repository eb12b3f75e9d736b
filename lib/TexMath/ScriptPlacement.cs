namespace TexMath;

/// <summary>Where TeX sets the sub/superscripts of a base.</summary>
internal enum ScriptPlacement
{
    /// <summary>To the right: x_i, e^x (msub, msup).</summary>
    Beside,

    /// <summary>
    /// Under and over in display style, beside in inline text (\sum, \prod): written as munder/mover round an
    /// operator, whose movablelimits lets the browser make that choice wherever the formula is set compactly.
    /// </summary>
    Movable,

    /// <summary>Always under and over: \underbrace's label, \max_i in display math.</summary>
    Under,
}
