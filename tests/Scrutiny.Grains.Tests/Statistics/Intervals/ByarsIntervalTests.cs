using Scrutiny.Grains.Statistics.ConfidenceIntervals;

namespace Scrutiny.Grains.Tests.Statistics.Intervals;

public sealed class ByarsIntervalTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<double[]> FixtureRows => IntervalFixtures.Rows("byars.csv");

    [Theory]
    [MemberData(nameof(FixtureRows))]
    public void Reproduces_every_fixture_row(double[] row)
    {
        // count,confidence,lower,upper
        var interval = ByarsInterval.ForCount(row[0], ConfidenceLevel.FromPercent(row[1]));
        Assert.Equal(row[2], interval.Lower, Tolerance);
        Assert.Equal(row[3], interval.Upper, Tolerance);
    }

    [Theory]
    [MemberData(nameof(FixtureRows))]
    public void A_rate_is_the_count_interval_scaled_by_multiplier_over_denominator(double[] row)
    {
        // The fixture's count as events in a population of 250,000, per 100,000 and per 1,000.
        var level = ConfidenceLevel.FromPercent(row[1]);
        var per100000 = ByarsInterval.ForRate(row[0], 250_000, 100_000, level);
        var per1000 = ByarsInterval.ForRate(row[0], 250_000, 1_000, level);
        Assert.Equal(row[2] * 100_000 / 250_000, per100000.Lower, Tolerance);
        Assert.Equal(row[3] * 100_000 / 250_000, per100000.Upper, Tolerance);
        Assert.Equal(row[2] * 1_000 / 250_000, per1000.Lower, Tolerance);
        Assert.Equal(row[3] * 1_000 / 250_000, per1000.Upper, Tolerance);
    }

    [Fact]
    public void The_fixtures_have_every_row()
    {
        Assert.Equal(10, FixtureRows.Count);
    }

    [Fact]
    public void Only_the_published_levels_are_offered()
    {
        Assert.Equal(1.959963984540054, ConfidenceLevel.FromPercent(95).Z);
        Assert.Equal(3.090232306167813, ConfidenceLevel.FromPercent(99.8).Z);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceLevel.FromPercent(90));
    }

    [Fact]
    public void A_negative_count_or_empty_population_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ByarsInterval.ForCount(-1, ConfidenceLevel.NinetyFive));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByarsInterval.ForRate(5, 0, 1_000, ConfidenceLevel.NinetyFive));
    }
}
