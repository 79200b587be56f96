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

    [Fact]
    public void Outcomes_have_the_catalogue_names() =>
        Assert.Equal(["better", "similar", "worse", "higher", "lower", "not_compared"], CatalogueNames.Names<BenchmarkOutcome>());
}
