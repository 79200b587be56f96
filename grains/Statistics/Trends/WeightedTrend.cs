namespace Scrutiny.Grains.Statistics.Trends;

/// <summary>
/// Weighted least-squares regression of values on time with weights 1 / variance, and the z-test of its
/// slope: Fingertips' recent trend for every indicator type other than proportions (PHE/OHID Public Health Technical
/// Guidance, "Fingertips trend markers"; fingertips-open <c>TrendMarkerCalculator.IsSignificant</c>;
/// PHEindicatormethods <c>calculate_trend_weighted_regression</c>). Fingertips takes each variance from the
/// published 95% interval; here it is the Poisson variance itself, which the interval was built from.
/// With S₁ = Σw, S₃ = Σwt, S₄ = Σwy, S₂ = Σwty, S₅ = Σwt²: slope β = (S₁S₂ − S₃S₄) / (S₁S₅ − S₃²),
/// var β = S₁ / (S₁S₅ − S₃²), χ² = β² / var β.
/// </summary>
public static class WeightedTrend
{
    /// <summary>The test of <paramref name="points"/> (time, value, variance); null when a variance is not positive
    /// (a weight would be infinite) or there are fewer than two distinct times.</summary>
    public static TrendTest? Of(ReadOnlySpan<(double Time, double Value, double Variance)> points)
    {
        double s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
        foreach (var (t, y, variance) in points)
        {
            if (!(variance > 0)) return null;
            var w = 1 / variance;
            s1 += w;
            s2 += w * t * y;
            s3 += w * t;
            s4 += w * y;
            s5 += w * t * t;
        }
        var spread = s1 * s5 - s3 * s3;
        if (!(spread > 0)) return null;
        var slope = (s1 * s2 - s3 * s4) / spread;
        var slopeVariance = s1 / spread;
        return new TrendTest(slope * slope / slopeVariance, Math.Sign(slope));
    }
}
