namespace Scrutiny.Grains.Catalogue;

/// <summary>
/// When an indicator's returns are due, when its periods lock and when its values are published. A period is due
/// <see cref="DueDays"/> days after its last day, and locked <see cref="LockDays"/> days after that (never, when
/// null); its values are published by <see cref="Publication"/>, <see cref="PublishDays"/> days after its last day
/// for <see cref="PublicationRule.DaysAfterPeriodEnd"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorSchedule(
    string Code, int DueDays, int? LockDays, double? Target,
    PublicationRule Publication = PublicationRule.OnAcceptance, int PublishDays = 0)
{
    public const int DefaultDueDays = 30;

    /// <summary>The last day a return for <paramref name="period"/> is on time.</summary>
    public DateOnly DueDate(Period period) => period.End.AddDays(DueDays - 1);

    /// <summary>The first day <paramref name="period"/> is locked, or null if it never locks.</summary>
    public DateOnly? LockedFrom(Period period) => LockDays is { } days ? DueDate(period).AddDays(days + 1) : null;

    public bool IsLocked(Period period, DateOnly today) => LockedFrom(period) is { } locked && today >= locked;

    public bool IsOnTime(Period period, DateOnly submitted) => submitted <= DueDate(period);

    /// <summary>
    /// The first day <paramref name="period"/>'s values are public under a days-after rule: the
    /// <see cref="PublishDays"/>th day after its last day (as <see cref="DueDate"/> counts), so 1 is the next day.
    /// Null under the other rules, which do not depend on the calendar.
    /// </summary>
    public DateOnly? PublishedFrom(Period period) =>
        Publication == PublicationRule.DaysAfterPeriodEnd ? period.End.AddDays(Math.Max(PublishDays, 1) - 1) : null;

    /// <summary>Whether <paramref name="period"/>'s values are public on <paramref name="today"/>.</summary>
    /// <param name="released">Whether an administrator has released the period (for <see cref="PublicationRule.OnRelease"/>).</param>
    public bool IsPublished(Period period, DateOnly today, bool released) => Publication switch
    {
        PublicationRule.OnAcceptance => true,
        PublicationRule.DaysAfterPeriodEnd => today >= PublishedFrom(period),
        PublicationRule.OnRelease => released,
        _ => false,
    };
}
