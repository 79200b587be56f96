namespace Scrutiny.Grains.Statistics.Distributions;

/// <summary>Student's t distribution, for prediction intervals from a handful of points.</summary>
public static class StudentT
{
    /// <summary>The quantile is found to this absolute accuracy; the CDF it inverts is good to about 1e-14.</summary>
    private const double QuantileTolerance = 1e-13;

    /// <summary>A cap on the steps: Newton's method converges in a handful, and even 200 bisections would shrink any
    /// bracket the doubling search finds below double precision.</summary>
    private const int MaximumSteps = 200;

    /// <summary>P(T ≤ <paramref name="t"/>) for <paramref name="degreesOfFreedom"/> ν &gt; 0:
    /// 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, by symmetry below (Abramowitz and Stegun 26.5.27, 26.7.1).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        if (degreesOfFreedom <= 0) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive.");
        var tail = 0.5 * SpecialFunctions.RegularisedBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The density of t with ν degrees of freedom.</summary>
    public static double Density(double t, double degreesOfFreedom)
    {
        var nu = degreesOfFreedom;
        var logConstant = SpecialFunctions.LogGamma((nu + 1) / 2) - SpecialFunctions.LogGamma(nu / 2) - 0.5 * Math.Log(nu * Math.PI);
        return Math.Exp(logConstant - (nu + 1) / 2 * Math.Log(1 + t * t / nu));
    }

    /// <summary>The <paramref name="p"/> quantile of t with ν degrees of freedom (R's <c>qt(p, ν)</c>), by Newton's
    /// method on <see cref="Cdf"/> kept inside a bracket, falling back to bisection whenever a step would leave it.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (p is <= 0 or >= 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie strictly between 0 and 1.");
        if (degreesOfFreedom <= 0) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive.");
        if (p < 0.5) return -Quantile(1 - p, degreesOfFreedom);
        if (p == 0.5) return 0;

        double lower = 0, upper = 1;
        while (Cdf(upper, degreesOfFreedom) < p) (lower, upper) = (upper, upper * 2);

        var t = (lower + upper) / 2;
        for (var step = 0; step < MaximumSteps; step++)
        {
            var excess = Cdf(t, degreesOfFreedom) - p;
            if (excess > 0) upper = t; else lower = t;
            var next = t - excess / Density(t, degreesOfFreedom);
            if (!(next > lower && next < upper)) next = (lower + upper) / 2;
            var converged = Math.Abs(next - t) <= QuantileTolerance * Math.Max(1, t);
            t = next;
            if (converged) break;
        }
        return t;
    }
}
