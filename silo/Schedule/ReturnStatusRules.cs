using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Schedule;

/// <summary>
/// The one place that decides a return's status and timeliness; the completeness API, "our returns" and the pages
/// all read it from here. Dates are UTC days, as the returns validator counts "today".
/// </summary>
public static class ReturnStatusRules
{
    public static ReturnStatus StatusOf(IndicatorSchedule schedule, Period period, Receipt? receipt, DateOnly today) => receipt switch
    {
        // The due date is the last day a return is on time, so on that day it is still only due.
        null => today > schedule.DueDate(period) ? ReturnStatus.Overdue : ReturnStatus.Due,
        { Revisions: > 1 } => ReturnStatus.Revised,
        _ => OnTime(schedule, period, receipt) == true ? ReturnStatus.Submitted : ReturnStatus.SubmittedLate,
    };

    /// <summary>Whether the first revision arrived by the due date; null when nothing has arrived.</summary>
    public static bool? OnTime(IndicatorSchedule schedule, Period period, Receipt? receipt) =>
        receipt is null ? null : schedule.IsOnTime(period, DayOf(receipt.FirstSubmittedAt));

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The moment a UTC day begins (00:00 UTC): the bound of a window of whole days.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Today as a UTC day, the same day the returns validator uses.</summary>
    public static DateOnly Today(this TimeProvider time) => DayOf(time.GetUtcNow());
}
