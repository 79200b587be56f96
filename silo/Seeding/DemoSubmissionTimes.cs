using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// When the demo's agencies "sent" each period's return: mostly in the fortnight before it was due, one in ten a
/// little late, so that completeness and "our returns" pages show what a real partnership looks like. Stable for a
/// place, indicator and period, so that seeding again submits identical returns.
/// </summary>
public static class DemoSubmissionTimes
{
    /// <summary>Share of returns sent after their due date.</summary>
    private const double LateShare = 0.1;

    public static DateTimeOffset For(string place, IndicatorDefinition indicator, string period, DateTimeOffset now)
    {
        var due = new IndicatorSchedule(indicator.Code, IndicatorSchedule.DefaultDueDays, null, null).DueDate(Period.Parse(period));
        var random = StableRandom.For("sent", place, indicator.Code, period);
        var day = random.NextDouble() < LateShare ? due.AddDays(random.Next(1, 15)) : due.AddDays(-random.Next(0, 15));
        var sent = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0).Add(TimeSpan.FromMinutes(random.Next(0, 480)))), TimeSpan.Zero);
        // A period that ended only days ago was sent "just now" at the latest.
        var latest = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        return sent < latest ? sent : latest;
    }
}
