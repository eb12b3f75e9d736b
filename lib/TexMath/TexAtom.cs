namespace TexMath;

/// <summary>
/// One parsed TeX item before its sub/superscripts are attached: its MathML, where scripts go, and what follows the
/// scripted whole (a function name's invisible "function application" operator comes after \max_i, not inside it).
/// </summary>
internal readonly record struct TexAtom(string Markup, ScriptPlacement Placement = ScriptPlacement.Beside, string After = "");
