using Backprop.Notebooks.Grading;
using Backprop.Notebooks.Resources;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Notebooks;

/// <summary>
/// The exercise checks of the chapter notebooks, one method per exercise, named for what it checks. A check cell is
/// one call; the grader calls the student's code, compares every value with an independent truth (a numerical
/// gradient, a formula, the library's layer) and prints one verdict: passed, not done yet (with the stub's own
/// hint), or failed with a hint that says where to look. Messages come from Resources/Exercises.resx.
/// </summary>
public static partial class Grader
{
    private static readonly (double X, double Y, double Dout)[] DivisionPoints = [(3, 2, 1), (-1.5, 0.5, 2), (7, -4, -0.5)];

    /// <summary>5.4: a division node z = x / y, its Forward and both derivatives of its Backward, at a few points.</summary>
    /// <param name="exercise">The exercise's number in its notebook.</param>
    /// <param name="newLayer">A fresh layer's Forward and Backward: <c>() => { var l = new DivLayer(); return (l.Forward, l.Backward); }</c>.</param>
    public static void DivisionLayer(int exercise, Func<(Func<double, double, double> Forward, Func<double, (double, double)> Backward)> newLayer)
    {
        ArgumentNullException.ThrowIfNull(newLayer);
        ExerciseRun.Grade(exercise, Exercises.DivisionLayerPassed, run =>
        {
            foreach (var (x, y, dout) in DivisionPoints)
            {
                var layer = ExerciseRun.Call("DivLayer", Exercises.DivisionLayerThrew, newLayer);
                double z = ExerciseRun.Call("Forward", Exercises.DivisionLayerThrew, () => layer.Forward(x, y));
                var (dx, dy) = ExerciseRun.Call("Backward", Exercises.DivisionLayerThrew, () => layer.Backward(dout));
                double numericalDx = dout * NumericalGradient.Of(v => v / y, x);
                double numericalDy = dout * NumericalGradient.Of(v => x / v, y);
                if (!Agrees(z, x / y))
                {
                    run.Problem(Exercises.DivisionForwardWrong, x, y, z, x / y);
                }

                if (!Agrees(dx, numericalDx))
                {
                    run.Problem(Exercises.DivisionDxWrong, x, y, dout, dx, numericalDx);
                }

                if (!Agrees(dy, numericalDy))
                {
                    run.Problem(Exercises.DivisionDyWrong, x, y, dout, dy, numericalDy);
                }
            }
        });
    }

    /// <summary>
    /// 5.4: the shop with a 100-yen coupon before tax, (100·2 + 150·3 − 100)·1.1: its price (605) and its six
    /// derivatives against central differences of the price formula.
    /// </summary>
    public static void CouponShop(
        int exercise,
        Func<double, double, double, double, double, double, (double Price, double Dapple, double DappleNum, double Dorange, double DorangeNum, double Dcoupon, double Dtax)> shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ExerciseRun.Grade(exercise, Exercises.CouponShopPassed, run =>
        {
            var p = Vector<double>.Build.Dense([100.0, 2, 150, 3, 100, 1.1]);
            var r = ExerciseRun.Call("CouponShop", Exercises.CouponShopThrew, () => shop(p[0], p[1], p[2], p[3], p[4], p[5]));
            double Price() => (p[0] * p[1] + p[2] * p[3] - p[4]) * p[5];
            double price = Price();
            var numerical = NumericalGradient.Of(Price, p);
            if (!Agrees(r.Price, price))
            {
                run.Problem(Exercises.CouponShopPriceWrong, r.Price, price);
            }

            var derivatives = new (string Name, double Yours, string Hint)[]
            {
                ("apple", r.Dapple, Exercises.CouponShopFruitHint),
                ("apple_num", r.DappleNum, Exercises.CouponShopFruitHint),
                ("orange", r.Dorange, Exercises.CouponShopFruitHint),
                ("orange_num", r.DorangeNum, Exercises.CouponShopFruitHint),
                ("coupon", r.Dcoupon, Exercises.CouponShopCouponHint),
                ("tax", r.Dtax, Exercises.CouponShopTaxHint),
            };
            foreach (var ((name, yours, hint), i) in derivatives.Select((d, i) => (d, i)))
            {
                if (!Agrees(yours, numerical[i]))
                {
                    run.Problem(Exercises.DerivativeWrong, name, yours, numerical[i], hint);
                }
            }
        });
    }

    /// <summary>Two numbers agree as a gradient check's do: relative error below 10⁻⁷.</summary>
    private static bool Agrees(double yours, double truth) =>
        GradientCheck.Compare("value", Vector<double>.Build.Dense([yours]), Vector<double>.Build.Dense([truth])).Passed;
}
