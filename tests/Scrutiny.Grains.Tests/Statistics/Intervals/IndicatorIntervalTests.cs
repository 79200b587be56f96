using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;

namespace Scrutiny.Grains.Tests.Statistics.Intervals;

public sealed class IndicatorIntervalTests
{
    private static readonly ConfidenceLevel Level = ConfidenceLevel.NinetyFive;

    private static ConfidenceInterval? For(IndicatorUnit unit, double numerator, double? denominator) =>
        IndicatorInterval.For(TestIndicators.Of(unit), numerator, denominator, Level);

    [Fact]
    public void A_percentage_is_wilson_times_one_hundred()
    {
        // 65/100: centre 2·65 + z² = 133.8415, half-width z·√(z² + 4·65·0.35) = 1.96·√94.8415 = 19.0874,
        // scale 2(100 + z²) = 207.6829 → 114.7540 / 207.6829 = 0.552544 … 152.9289 / 207.6829 = 0.736358, so
        // 55.254 … 73.636 per cent.
        var interval = For(IndicatorUnit.Percentage, 65, 100)!.Value;
        var wilson = WilsonInterval.ForProportion(65, 100, Level);
        Assert.Equal(100 * wilson.Lower, interval.Lower, 12);
        Assert.Equal(100 * wilson.Upper, interval.Upper, 12);
        Assert.Equal(55.254, interval.Lower, 3);
        Assert.Equal(73.636, interval.Upper, 3);
    }

    [Fact]
    public void A_rate_is_byars_scaled_to_its_multiplier()
    {
        // 25 events in 50,000 people: Byar's on 25, times 100,000 / 50,000 = 2 (per 100,000) or 0.02 (per 1,000).
        var count = ByarsInterval.ForCount(25, Level);
        var per100000 = For(IndicatorUnit.RatePer100000, 25, 50_000)!.Value;
        var per1000 = For(IndicatorUnit.RatePer1000, 25, 50_000)!.Value;
        Assert.Equal(2 * count.Lower, per100000.Lower, 12);
        Assert.Equal(2 * count.Upper, per100000.Upper, 12);
        Assert.Equal(0.02 * count.Upper, per1000.Upper, 12);
        Assert.True(per100000.Contains(50));
    }

    [Fact]
    public void A_count_is_byars_on_the_count_and_needs_no_denominator()
    {
        Assert.Equal(ByarsInterval.ForCount(7, Level), For(IndicatorUnit.Count, 7, null));
        Assert.Equal(ByarsInterval.ForCount(7, Level), For(IndicatorUnit.Count, 7, 0));
    }

    [Fact]
    public void Zero_events_and_all_events_still_have_intervals()
    {
        var none = For(IndicatorUnit.Percentage, 0, 20)!.Value;
        var all = For(IndicatorUnit.Percentage, 20, 20)!.Value;
        Assert.Equal(0, none.Lower, 12);
        Assert.True(none.Upper > 0);
        Assert.Equal(100, all.Upper, 12);
        Assert.True(all.Lower < 100);
        Assert.Equal(0, For(IndicatorUnit.Count, 0, null)!.Value.Lower);
        Assert.Equal(0, For(IndicatorUnit.RatePer1000, 0, 500)!.Value.Lower);
    }

    [Theory]
    [InlineData(IndicatorUnit.Value, 5.0, 10.0)]
    [InlineData(IndicatorUnit.PercentagePoints, 5.0, 10.0)]
    [InlineData(IndicatorUnit.Percentage, 5.0, null)]
    [InlineData(IndicatorUnit.Percentage, 5.0, 0.0)]
    [InlineData(IndicatorUnit.Percentage, 11.0, 10.0)]
    [InlineData(IndicatorUnit.Percentage, -1.0, 10.0)]
    [InlineData(IndicatorUnit.RatePer100000, 5.0, null)]
    [InlineData(IndicatorUnit.RatePer100000, 5.0, -3.0)]
    [InlineData(IndicatorUnit.RatePer1000, -1.0, 100.0)]
    [InlineData(IndicatorUnit.Count, 2.5, null)]
    [InlineData(IndicatorUnit.Count, -1.0, null)]
    [InlineData(IndicatorUnit.Count, double.NaN, null)]
    public void No_interval_where_the_method_does_not_apply(IndicatorUnit unit, double numerator, double? denominator) =>
        Assert.Null(For(unit, numerator, denominator));

    [Fact]
    public void A_rate_may_exceed_its_denominator()
    {
        // Rates count events, not people: 120 admissions among 100 people is a rate of 1,200 per 1,000.
        Assert.NotNull(For(IndicatorUnit.RatePer1000, 120, 100));
    }
}
