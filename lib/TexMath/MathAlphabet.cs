namespace TexMath;

/// <summary>
/// The letter styles of \mathbf, \mathsf, \mathbb, ... MathML Core has no mathvariant beyond "normal": bold or
/// double-struck letters are their own Unicode characters (Mathematical Alphanumeric Symbols, U+1D400 on), which a
/// math font draws. A few of them were encoded earlier in the Letterlike Symbols block; those holes are filled here.
/// </summary>
internal enum MathAlphabet
{
    /// <summary>No command: single letters slanted, as the browser does by itself.</summary>
    Default,

    /// <summary>\mathrm, \operatorname: upright.</summary>
    Roman,
    Bold,
    Italic,
    BoldItalic,
    Script,
    Fraktur,
    DoubleStruck,
    SansSerif,
    Monospace,
}
