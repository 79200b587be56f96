using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Schedule;

namespace Scrutiny.Silo.Tests.Schedule;

public sealed class RecentPeriodsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(Frequency.Monthly, 3, "2026-10 2026-09 2026-08")]
    [InlineData(Frequency.Quarterly, 2, "2026-Q3 2026-Q2")]
    [InlineData(Frequency.Annual, 1, "2025")]
    [InlineData(Frequency.FinancialYear, 2, "2025/26 2024/25")]
    [InlineData(Frequency.FinancialQuarter, 3, "2026/27-Q2 2026/27-Q1 2025/26-Q4")]
    public void Only_ended_periods_are_owed_newest_first(Frequency frequency, int count, string expected) =>
        Assert.Equal(expected, string.Join(' ', RecentPeriods.EndedBy(Today, frequency, count)));

    [Fact]
    public void A_period_ending_yesterday_is_the_newest() =>
        Assert.Equal("2026-11", RecentPeriods.EndedBy(new DateOnly(2026, 12, 1), Frequency.Monthly, 1)[0].ToString());
}
