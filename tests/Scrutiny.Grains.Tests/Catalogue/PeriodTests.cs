using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Tests.Catalogue;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2026-07", Frequency.Monthly, "2026-07-01", "2026-08-01")]
    [InlineData("2026-12", Frequency.Monthly, "2026-12-01", "2027-01-01")]
    [InlineData("2026-Q3", Frequency.Quarterly, "2026-07-01", "2026-10-01")]
    [InlineData("2026", Frequency.Annual, "2026-01-01", "2027-01-01")]
    [InlineData("2026/27", Frequency.FinancialYear, "2026-04-01", "2027-04-01")]
    [InlineData("2026/27-Q1", Frequency.FinancialQuarter, "2026-04-01", "2026-07-01")]
    [InlineData("2026/27-Q4", Frequency.FinancialQuarter, "2027-01-01", "2027-04-01")]
    [InlineData("1999/00", Frequency.FinancialYear, "1999-04-01", "2000-04-01")]
    public void Each_form_reads_to_its_frequency_and_dates(string text, Frequency frequency, string start, string end)
    {
        var period = Period.Parse(text);

        Assert.Equal(frequency, period.Frequency);
        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-Q5")]
    [InlineData("2026/28")]
    [InlineData("2026/27-Q0")]
    [InlineData("July 2026")]
    [InlineData("")]
    [InlineData("2026-7")]
    [InlineData("2026-07\n")]
    [InlineData("2026\n")]
    [InlineData("\u0662\u0660\u0662\u0666-07")]
    [InlineData("2026-Q3x")]
    [InlineData("2026/27-Q")]
    [InlineData("2026/2")]
    [InlineData("1899")]
    [InlineData(" 2026")]
    public void Malformed_periods_are_refused(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void A_period_of_another_frequency_is_refused_when_one_is_required()
    {
        Assert.False(Period.TryParse("2026-Q3", Frequency.Monthly, out _));
        Assert.True(Period.TryParse("2026-07", Frequency.Monthly, out var p));
        Assert.Equal(new Period(Frequency.Monthly, 2026, 7), p);
    }

    [Theory]
    [InlineData("2027-01-15", Frequency.FinancialQuarter, "2026/27-Q4")]
    [InlineData("2026-04-01", Frequency.FinancialQuarter, "2026/27-Q1")]
    [InlineData("2026-03-31", Frequency.FinancialYear, "2025/26")]
    [InlineData("2026-11-27", Frequency.Quarterly, "2026-Q4")]
    public void The_period_containing_a_date(string date, Frequency frequency, string expected) =>
        Assert.Equal(expected, Period.Containing(DateOnly.Parse(date), frequency).ToString());

    [Fact]
    public void Periods_sort_in_time_order()
    {
        var sorted = new[] { "2026-10", "2025-12", "2026-01" }.Select(Period.Parse).Order().Select(p => p.ToString());
        Assert.Equal(["2025-12", "2026-01", "2026-10"], sorted);
    }

    /// <summary>Every pair of periods of every frequency over three years orders by start date, then by end date.</summary>
    [Fact]
    public void Any_two_periods_compare_by_their_start_then_their_end()
    {
        var periods = Enum.GetValues<Frequency>()
            .SelectMany(f => Enumerable.Range(0, 40 * 31).Select(d => Period.Containing(new DateOnly(2024, 1, 1).AddDays(d), f)))
            .Distinct().ToList();

        foreach (var a in periods)
            foreach (var b in periods)
            {
                var byDates = a.Start.CompareTo(b.Start) is var c and not 0 ? c : a.End.CompareTo(b.End);
                Assert.True(Math.Sign(byDates) == Math.Sign(a.CompareTo(b)), $"{a} against {b}");
            }
    }

    [Theory]
    [InlineData("2026-01", "2025-12")]
    [InlineData("2026-Q1", "2025-Q4")]
    [InlineData("2026", "2025")]
    [InlineData("2026/27", "2025/26")]
    [InlineData("2026/27-Q1", "2025/26-Q4")]
    public void The_previous_period_is_the_one_just_before(string period, string previous) =>
        Assert.Equal(previous, Period.Parse(period).Previous().ToString());
}
