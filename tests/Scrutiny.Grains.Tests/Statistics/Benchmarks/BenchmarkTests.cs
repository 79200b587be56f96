using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;

namespace Scrutiny.Grains.Tests.Statistics.Benchmarks;

public sealed class BenchmarkTests
{
    private static readonly ConfidenceInterval Interval = new(40, 50);

    [Theory]
    [InlineData(30.0, Polarity.HigherIsBetter, BenchmarkOutcome.Better)]   // whole interval above the comparator
    [InlineData(60.0, Polarity.HigherIsBetter, BenchmarkOutcome.Worse)]
    [InlineData(30.0, Polarity.LowerIsBetter, BenchmarkOutcome.Worse)]
    [InlineData(60.0, Polarity.LowerIsBetter, BenchmarkOutcome.Better)]
    [InlineData(30.0, Polarity.NoJudgement, BenchmarkOutcome.Higher)]
    [InlineData(60.0, Polarity.NoJudgement, BenchmarkOutcome.Lower)]
    [InlineData(45.0, Polarity.HigherIsBetter, BenchmarkOutcome.Similar)]
    [InlineData(45.0, Polarity.NoJudgement, BenchmarkOutcome.Similar)]
    public void The_comparator_outside_the_interval_is_a_difference(double comparator, Polarity polarity, BenchmarkOutcome expected) =>
        Assert.Equal(expected, Benchmark.Compare(45, Interval, comparator, polarity));

    [Theory]
    [InlineData(40.0)]
    [InlineData(50.0)]
    public void A_comparator_on_a_limit_is_similar(double comparator) =>
        Assert.Equal(BenchmarkOutcome.Similar, Benchmark.Compare(45, Interval, comparator, Polarity.LowerIsBetter));

    [Fact]
    public void Anything_missing_is_not_compared()
    {
        Assert.Equal(BenchmarkOutcome.NotCompared, Benchmark.Compare(null, Interval, 30, Polarity.HigherIsBetter));
        Assert.Equal(BenchmarkOutcome.NotCompared, Benchmark.Compare(45, null, 30, Polarity.HigherIsBetter));
        Assert.Equal(BenchmarkOutcome.NotCompared, Benchmark.Compare(45, Interval, null, Polarity.HigherIsBetter));
    }

    [Theory]
    [InlineData(IndicatorUnit.Count, BenchmarkOutcome.NotCompared)]
    [InlineData(IndicatorUnit.Value, BenchmarkOutcome.NotCompared)]
    [InlineData(IndicatorUnit.PercentagePoints, BenchmarkOutcome.NotCompared)]
    [InlineData(IndicatorUnit.Percentage, BenchmarkOutcome.Worse)]
    [InlineData(IndicatorUnit.RatePer1000, BenchmarkOutcome.Worse)]
    [InlineData(IndicatorUnit.RatePer100000, BenchmarkOutcome.Worse)]
    public void Only_ratios_are_benchmarked_because_a_count_grows_with_the_place(IndicatorUnit unit, BenchmarkOutcome expected)
    {
        // A borough's count against England's, far outside its interval: "better" would only say it is smaller.
        var indicator = TestIndicators.Of(unit, Polarity.HigherIsBetter);
        Assert.Equal(expected, Benchmark.Compare(indicator, 45, Interval, 267_836));
        Assert.Equal(expected != BenchmarkOutcome.NotCompared, Benchmark.IsComparable(indicator));
    }

    [Fact]
    public void Outcomes_have_the_catalogue_names() =>
        Assert.Equal(["better", "similar", "worse", "higher", "lower", "not_compared"], CatalogueNames.Names<BenchmarkOutcome>());
}
