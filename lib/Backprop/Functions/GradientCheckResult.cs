namespace Backprop;

/// <summary>
/// How far a backprop gradient is from the numerical one, for one parameter.
/// <see cref="RelativeError"/> is the largest |a − b| / max(1e-8, |a| + |b|) over the entries:
/// scale-free, so one tolerance fits gradients of any size.
/// </summary>
/// <param name="Parameter">The parameter's name, e.g. "W1".</param>
/// <param name="MaxAbsError">The largest |backprop − numerical| over the entries.</param>
/// <param name="RelativeError">The largest relative error over the entries.</param>
public sealed record GradientCheckResult(string Parameter, double MaxAbsError, double RelativeError)
{
    /// <summary>
    /// Central differences with h = 1e-4 err by about h²·f‴/6 (truncation: about 2e-9 times a third derivative) plus
    /// about ε·|f|/h (rounding: a few times 1e-12 for f near 1), both absolute; for the smooth functions and
    /// gradients of order 0.01–1 checked here that is far below 1e-7 relative, so an error below 1e-7 means backprop
    /// is right, while a typical wrong formula (a missing transpose, sum or factor) is off by far more.
    /// </summary>
    public const double DefaultTolerance = 1e-7;

    /// <summary>The relative error that still passes; <see cref="DefaultTolerance"/> unless set.</summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>Whether <see cref="RelativeError"/> is below <see cref="Tolerance"/>.</summary>
    public bool Passed => RelativeError < Tolerance;
}
