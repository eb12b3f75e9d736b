namespace TexMath;

/// <summary>
/// What each argument-less TeX command stands for. TeX sorts symbols into classes that decide the spacing around
/// them; MathML leaves that to the element (&lt;mi&gt; ordinary, &lt;mo&gt; operator, whose spacing the browser's
/// operator dictionary supplies), so the tables below are split the same way.
/// </summary>
internal static class TexSymbols
{
    /// <summary>Greek letters: lower case slanted (as TeX sets them), capitals upright.</summary>
    public static readonly Dictionary<string, string> Greek = new()
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ",
        ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["varpi"] = "ϖ", ["rho"] = "ρ",
        ["varrho"] = "ϱ", ["sigma"] = "σ", ["varsigma"] = "ς", ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "ϕ",
        ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π", ["Sigma"] = "Σ",
        ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
    };

    /// <summary>Ordinary symbols, always upright (a lone &lt;mi&gt; would otherwise be slanted by the browser).</summary>
    public static readonly Dictionary<string, string> Ordinary = new()
    {
        ["partial"] = "∂", ["nabla"] = "∇", ["infty"] = "∞", ["ell"] = "ℓ", ["hbar"] = "ℏ", ["emptyset"] = "∅",
        ["varnothing"] = "∅", ["forall"] = "∀", ["exists"] = "∃", ["neg"] = "¬", ["lnot"] = "¬", ["prime"] = "′",
        ["top"] = "⊤", ["bot"] = "⊥", ["Re"] = "ℜ", ["Im"] = "ℑ", ["aleph"] = "ℵ", ["angle"] = "∠", ["triangle"] = "△",
        ["_"] = "_", ["%"] = "%", ["#"] = "#", ["$"] = "$", ["&"] = "&", ["backslash"] = "∖",

        // Ellipses: ordinary, so "a_1, \dots, a_n" keeps the list's comma spacing (as an operator … took space both sides).
        ["cdots"] = "⋯", ["ldots"] = "…", ["dots"] = "…", ["vdots"] = "⋮", ["ddots"] = "⋱",
    };

    /// <summary>Binary operators, relations, arrows and punctuation: &lt;mo&gt;, spaced by the browser.</summary>
    public static readonly Dictionary<string, string> Operators = new()
    {
        ["cdot"] = "·", ["times"] = "×", ["div"] = "÷", ["pm"] = "±", ["mp"] = "∓", ["ast"] = "∗", ["star"] = "⋆",
        ["bullet"] = "∙", ["circ"] = "∘", ["odot"] = "⊙", ["otimes"] = "⊗", ["oplus"] = "⊕", ["ominus"] = "⊖",
        ["setminus"] = "∖", ["cup"] = "∪", ["cap"] = "∩", ["wedge"] = "∧", ["land"] = "∧", ["vee"] = "∨", ["lor"] = "∨",
        ["leq"] = "≤", ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥", ["neq"] = "≠", ["ne"] = "≠", ["approx"] = "≈",
        ["equiv"] = "≡", ["sim"] = "∼", ["simeq"] = "≃", ["cong"] = "≅", ["propto"] = "∝", ["ll"] = "≪", ["gg"] = "≫",
        ["in"] = "∈", ["notin"] = "∉", ["ni"] = "∋", ["subset"] = "⊂", ["subseteq"] = "⊆", ["supset"] = "⊃",
        ["supseteq"] = "⊇", ["perp"] = "⊥", ["parallel"] = "∥", ["mid"] = "∣", ["colon"] = ":", ["coloneqq"] = "≔",
        ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←", ["gets"] = "←", ["leftrightarrow"] = "↔",
        ["Rightarrow"] = "⇒", ["Leftarrow"] = "⇐", ["Leftrightarrow"] = "⇔", ["implies"] = "⟹", ["impliedby"] = "⟸",
        ["iff"] = "⟺", ["mapsto"] = "↦", ["longrightarrow"] = "⟶", ["longleftarrow"] = "⟵", ["uparrow"] = "↑",
        ["downarrow"] = "↓",
    };

    /// <summary>Large operators; only the integrals keep their limits beside them, as in TeX.</summary>
    public static readonly Dictionary<string, string> LargeOperators = new()
    {
        ["sum"] = "∑", ["prod"] = "∏", ["coprod"] = "∐", ["bigcup"] = "⋃", ["bigcap"] = "⋂", ["bigoplus"] = "⨁",
        ["bigotimes"] = "⨂", ["bigvee"] = "⋁", ["bigwedge"] = "⋀", ["int"] = "∫", ["iint"] = "∬", ["oint"] = "∮",
    };

    /// <summary>Upright function names; those in <see cref="LimitFunctions"/> take their subscript underneath in display.</summary>
    public static readonly HashSet<string> Functions =
    [
        "exp", "log", "ln", "lg", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh",
        "tanh", "coth", "arg", "deg", "dim", "hom", "ker", "max", "min", "sup", "inf", "lim", "argmax", "argmin", "det",
        "gcd", "Pr",
    ];

    public static readonly HashSet<string> LimitFunctions = ["max", "min", "sup", "inf", "lim", "argmax", "argmin", "det", "gcd", "Pr"];

    /// <summary>Horizontal spaces, in em (TeX's 3, 4 and 5 mu and their multiples; \! takes a thin space back).</summary>
    public static readonly Dictionary<string, double> Spaces = new()
    {
        [","] = 3.0 / 18, ["thinspace"] = 3.0 / 18, [":"] = 4.0 / 18, [">"] = 4.0 / 18, ["medspace"] = 4.0 / 18,
        [";"] = 5.0 / 18, ["thickspace"] = 5.0 / 18, ["!"] = -3.0 / 18, ["negthinspace"] = -3.0 / 18, [" "] = 1.0 / 3,
        ["quad"] = 1, ["qquad"] = 2, ["enspace"] = 0.5,
    };

    /// <summary>What may follow \left, \right, \middle and \big: the delimiter's character ("" for the empty ".").</summary>
    public static readonly Dictionary<string, string> Delimiters = new()
    {
        ["("] = "(", [")"] = ")", ["["] = "[", ["]"] = "]", ["|"] = "|", ["/"] = "/", ["."] = "", ["<"] = "⟨", [">"] = "⟩",
        ["\\{"] = "{", ["\\}"] = "}", ["\\lbrace"] = "{", ["\\rbrace"] = "}", ["\\|"] = "‖", ["\\vert"] = "|",
        ["\\lvert"] = "|", ["\\rvert"] = "|", ["\\Vert"] = "‖", ["\\lVert"] = "‖", ["\\rVert"] = "‖",
        ["\\langle"] = "⟨", ["\\rangle"] = "⟩", ["\\lfloor"] = "⌊", ["\\rfloor"] = "⌋", ["\\lceil"] = "⌈",
        ["\\rceil"] = "⌉", ["\\backslash"] = "∖", ["\\uparrow"] = "↑", ["\\downarrow"] = "↓", ["\\updownarrow"] = "↕",
        ["\\Uparrow"] = "⇑", ["\\Downarrow"] = "⇓",
    };

    /// <summary>Accents over their argument: the mark, and whether it stretches across the whole argument.</summary>
    public static readonly Dictionary<string, (string Mark, bool Wide)> Accents = new()
    {
        ["hat"] = ("^", false), ["widehat"] = ("^", true), ["bar"] = ("¯", false),
        ["tilde"] = ("~", false), ["widetilde"] = ("~", true), ["vec"] = ("→", false), ["overrightarrow"] = ("→", true),
        ["overleftarrow"] = ("←", true), ["dot"] = ("˙", false), ["ddot"] = ("¨", false), ["check"] = ("ˇ", false),
        ["breve"] = ("˘", false), ["acute"] = ("´", false), ["grave"] = ("`", false),
    };

    /// <summary>\not before these gives the negated relation Unicode has for it.</summary>
    public static readonly Dictionary<string, string> Negated = new()
    {
        ["="] = "≠", ["<"] = "≮", [">"] = "≯", ["∈"] = "∉", ["≡"] = "≢", ["⊂"] = "⊄", ["⊆"] = "⊈", ["≤"] = "≰", ["≥"] = "≱",
        ["∼"] = "≁", ["≈"] = "≉", ["∣"] = "∤",
    };
}
