using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;

namespace Scrutiny.Grains.Statistics.Benchmarks;

/// <summary>
/// Fingertips' comparison of a place with a comparator value (PHE/OHID Public Health Technical Guidance,
/// "Benchmarking"; FingertipsNext <c>BenchmarkComparisonEngine</c>): the place is significantly different when the
/// comparator's value lies outside the place's confidence interval. The comparator is treated as known without
/// error, because it is usually a much larger population whose own interval is narrow.
/// </summary>
public static class Benchmark
{
    /// <summary>
    /// Whether an indicator's values can be set beside another place's at all. A count is a total that grows with
    /// the place (England's days in hospital dwarf any borough's), so a count is never benchmarked, as Fingertips
    /// benchmarks rates and proportions only; a value or percentage-point difference has no interval to judge by.
    /// </summary>
    public static bool IsComparable(IndicatorDefinition indicator) => indicator.Multiplier is not null;

    /// <summary>The outcome for a place's value of <paramref name="indicator"/>: <see cref="BenchmarkOutcome.NotCompared"/>
    /// for an indicator that is not <see cref="IsComparable"/>, otherwise as <see cref="Compare(double?, ConfidenceInterval?, double?, Polarity)"/>.</summary>
    public static BenchmarkOutcome Compare(IndicatorDefinition indicator, double? value, ConfidenceInterval? interval, double? comparatorValue) =>
        IsComparable(indicator) ? Compare(value, interval, comparatorValue, indicator.Polarity) : BenchmarkOutcome.NotCompared;

    /// <summary>The outcome of comparing a place (<paramref name="value"/> with its 95% <paramref name="interval"/>)
    /// with <paramref name="comparatorValue"/>. A comparator exactly on a limit is inside the interval (Similar), as
    /// <see cref="ConfidenceInterval.Contains"/> and FingertipsNext's strict inequalities have it.</summary>
    public static BenchmarkOutcome Compare(double? value, ConfidenceInterval? interval, double? comparatorValue,
        Polarity polarity)
    {
        if (value is null || interval is not { } ci || comparatorValue is not { } comparator) return BenchmarkOutcome.NotCompared;
        if (ci.Contains(comparator)) return BenchmarkOutcome.Similar;

        // The whole interval lies above the comparator: the place is significantly higher.
        var higher = ci.Lower > comparator;
        return polarity switch
        {
            Polarity.HigherIsBetter => higher ? BenchmarkOutcome.Better : BenchmarkOutcome.Worse,
            Polarity.LowerIsBetter => higher ? BenchmarkOutcome.Worse : BenchmarkOutcome.Better,
            _ => higher ? BenchmarkOutcome.Higher : BenchmarkOutcome.Lower,
        };
    }
}
