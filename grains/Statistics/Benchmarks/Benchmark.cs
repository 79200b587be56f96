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
