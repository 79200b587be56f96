using Scrutiny.Grains.Statistics.ConfidenceIntervals;

namespace Scrutiny.Grains.Tests.Statistics.Intervals;

public sealed class WilsonIntervalTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<double[]> FixtureRows => IntervalFixtures.Rows("wilson.csv");

    [Theory]
    [MemberData(nameof(FixtureRows))]
    public void Reproduces_every_fixture_row(double[] row)
    {
        // numerator,denominator,confidence,lower,upper
        var interval = WilsonInterval.ForProportion(row[0], row[1], ConfidenceLevel.FromPercent(row[2]));
        Assert.Equal(row[3], interval.Lower, Tolerance);
        Assert.Equal(row[4], interval.Upper, Tolerance);
    }

    [Fact]
    public void The_fixtures_have_every_row()
    {
        Assert.Equal(10, FixtureRows.Count);
    }

    [Fact]
    public void A_wider_level_gives_a_wider_interval()
    {
        var narrow = WilsonInterval.ForProportion(65, 100, ConfidenceLevel.NinetyFive);
        var wide = WilsonInterval.ForProportion(65, 100, ConfidenceLevel.NinetyNinePointEight);
        Assert.True(wide.Lower < narrow.Lower && wide.Upper > narrow.Upper);
        Assert.True(narrow.Contains(0.65));
    }

    [Fact]
    public void A_numerator_outside_the_denominator_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.ForProportion(11, 10, ConfidenceLevel.NinetyFive));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.ForProportion(0, 0, ConfidenceLevel.NinetyFive));
    }
}
