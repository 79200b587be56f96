using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Silo.Tests.Publication;

/// <summary>Which periods a days-after rule publishes between two dates: what the clock announces to open pages.</summary>
public sealed class PublicationClockTests
{
    private static IndicatorSchedule DaysAfter(int days) => new("x", 30, null, null, PublicationRule.DaysAfterPeriodEnd, days);

    [Theory]
    [InlineData(Frequency.Monthly, 30, "2026-08-29", "2026-08-30", new[] { "2026-07" })]
    [InlineData(Frequency.Monthly, 30, "2026-08-28", "2026-08-29", new string[0])]
    [InlineData(Frequency.Monthly, 1, "2026-07-31", "2026-08-01", new[] { "2026-07" })]
    // A node that slept for two months announces both periods it missed in one turn.
    [InlineData(Frequency.Monthly, 1, "2026-07-31", "2026-09-01", new[] { "2026-08", "2026-07" })]
    [InlineData(Frequency.Quarterly, 45, "2026-08-13", "2026-08-14", new[] { "2026-Q2" })]
    public void The_clock_announces_each_period_whose_date_it_passed(Frequency frequency, int days, string after, string upTo, string[] expected) =>
        Assert.Equal(expected, PublicationClock.PublishedBetween(DaysAfter(days), frequency, DateOnly.Parse(after), DateOnly.Parse(upTo))
            .Select(p => p.ToString()));

    [Fact]
    public void Other_rules_announce_nothing() =>
        Assert.Empty(PublicationClock.PublishedBetween(new IndicatorSchedule("x", 30, null, null, PublicationRule.OnRelease), Frequency.Monthly,
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
}
