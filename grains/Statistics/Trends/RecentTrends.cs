using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;
using Scrutiny.Grains.Statistics.Distributions;

namespace Scrutiny.Grains.Statistics.Trends;

/// <summary>
/// Fingertips' recent trend marker (PHE/OHID Public Health Technical Guidance, "Fingertips trend markers";
/// fingertips-open <c>TrendMarkerCalculator</c>; PHEindicatormethods 2.x <c>assign_trend_markers</c>): a test for
/// linear trend over the last <see cref="Periods"/> periods, significant at 99.8%, and kept only if leaving out any
/// one point does not reverse the direction of the trend.
/// </summary>
public static class RecentTrends
{
    /// <summary>Fingertips' recent trend uses the five most recent values ("These calculations are derived using the
    /// most recent five indicator values"; <c>TrendMarkerCalculator.PointsToUse = 5</c>; PHEindicatormethods
    /// <c>df[(n_rows - 4):n_rows, ]</c>).</summary>
    public const int Periods = 5;

    /// <summary>The 99.8% critical value of χ² on 1 degree of freedom, R's <c>qchisq(0.998, 1)</c> =
    /// <see cref="ConfidenceLevel.Z998"/>²: a trend is significant when its statistic exceeds it (fingertips-open
    /// <c>TrendMarkerCalculator.ChiSquareConfidence = 9.54953570608324</c>; PHEindicatormethods
    /// <c>test_statistic &gt; 9.5495</c>). Fingertips uses 99.8%, not 99.9%, the level of its funnel-plot limits.</summary>
    public const double CriticalChiSquare = ConfidenceLevel.Z998 * ConfidenceLevel.Z998;

    /// <summary>The significance level that <see cref="CriticalChiSquare"/> is the critical value for.</summary>
    public const double SignificanceLevel = 0.002;

    /// <summary>
    /// The recent trend of an indicator from its combined (numerator, denominator) per period, oldest first; only the
    /// last <see cref="Periods"/> are used. Percentages take the chi-square test for trend in proportions; rates per
    /// 1,000 or 100,000 and counts take the weighted regression with Poisson variances (a rate's variance is
    /// multiplier² × numerator / denominator², a count's is the count). A value or percentage-point unit has no
    /// sampling model and cannot be tested. Fewer than <see cref="Periods"/> points, a point the method cannot take
    /// (missing or non-positive denominator, negative numerator, numerator above denominator for a percentage) or a
    /// zero variance (a zero count; every proportion 0 or every one 1) make the trend <see
    /// cref="RecentTrend.CannotBeCalculated"/>.
    /// </summary>
    public static RecentTrendResult Of(IndicatorDefinition indicator, IReadOnlyList<(double Numerator, double? Denominator)> points)
    {
        var method = MethodFor(indicator.Unit);
        var used = Math.Min(points.Count, Periods);
        var cannot = new RecentTrendResult(RecentTrend.CannotBeCalculated, method, null, null, used);
        if (method == TrendMethod.None || used < Periods) return cannot;

        // The last points as the test takes them, (time, events, trials) or (time, value, variance), on the stack: this
        // runs for every grain of every batch, and leaving out each point in turn is six fits.
        Span<(double Time, double A, double B)> series = stackalloc (double, double, double)[Periods];
        var (from, multiplier) = (points.Count - Periods, indicator.Multiplier);
        for (var i = 0; i < Periods; i++)
        {
            var (numerator, denominator) = points[from + i];
            if (method == TrendMethod.ChiSquareForTrend)
            {
                if (denominator is not > 0 || numerator < 0 || numerator > denominator) return cannot;
                series[i] = (i + 1, numerator, denominator.Value);
            }
            else
            {
                if (numerator < 0 || (multiplier is not null && denominator is not > 0)) return cannot;
                series[i] = multiplier is { } m
                    ? (i + 1, m * numerator / denominator!.Value, m * m * numerator / (denominator!.Value * denominator!.Value))
                    : (i + 1, numerator, numerator);
            }
        }

        if (Test(method, series) is not { } result) return cannot;
        var pValue = ChiSquare.UpperTailOneDegree(result.Statistic);
        var significant = result.Statistic > CriticalChiSquare && result.Direction != 0 && !HasOutlier(method, series, result.Direction);
        var trend = significant ? Marker(result.Direction, indicator.Polarity) : RecentTrend.NoSignificantChange;
        return new RecentTrendResult(trend, method, result.Statistic, pValue, used);
    }

    /// <summary>The test for an indicator's unit.</summary>
    public static TrendMethod MethodFor(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percentage => TrendMethod.ChiSquareForTrend,
        IndicatorUnit.RatePer1000 or IndicatorUnit.RatePer100000 or IndicatorUnit.Count => TrendMethod.WeightedRegression,
        _ => TrendMethod.None,
    };

    /// <summary>Fingertips' outlier check: a trend that one point alone creates is not reported. Each point is left
    /// out in turn (the others keep their times); if any such fit has no trend in the same direction, there is an
    /// outlier and the marker is "no significant change".</summary>
    private static bool HasOutlier(TrendMethod method, ReadOnlySpan<(double, double, double)> all, int direction)
    {
        Span<(double, double, double)> kept = stackalloc (double, double, double)[all.Length - 1];
        for (var left = 0; left < all.Length; left++)
        {
            var k = 0;
            for (var i = 0; i < all.Length; i++)
                if (i != left) kept[k++] = all[i];
            if ((Test(method, kept)?.Direction ?? 0) != direction) return true;
        }
        return false;
    }

    private static TrendTest? Test(TrendMethod method, ReadOnlySpan<(double, double, double)> points) =>
        method == TrendMethod.ChiSquareForTrend ? ChiSquareForTrend.Of(points) : WeightedTrend.Of(points);

    private static RecentTrend Marker(int direction, Polarity polarity) => (direction > 0, polarity) switch
    {
        (true, Polarity.HigherIsBetter) => RecentTrend.IncreasingAndGettingBetter,
        (true, Polarity.LowerIsBetter) => RecentTrend.IncreasingAndGettingWorse,
        (true, _) => RecentTrend.Increasing,
        (false, Polarity.HigherIsBetter) => RecentTrend.DecreasingAndGettingWorse,
        (false, Polarity.LowerIsBetter) => RecentTrend.DecreasingAndGettingBetter,
        (false, _) => RecentTrend.Decreasing,
    };
}
