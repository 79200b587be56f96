namespace Scrutiny.Grains.Catalogue;

/// <summary>
/// When an indicator's returns are due and when its periods lock. A period is due <see cref="DueDays"/> days after
/// its last day, and locked <see cref="LockDays"/> days after that (never, when null).
/// </summary>
public sealed record IndicatorSchedule(string Code, int DueDays, int? LockDays, double? Target)
{
    public const int DefaultDueDays = 30;

    /// <summary>The last day a return for <paramref name="period"/> is on time.</summary>
    public DateOnly DueDate(Period period) => period.End.AddDays(DueDays - 1);

    /// <summary>The first day <paramref name="period"/> is locked, or null if it never locks.</summary>
    public DateOnly? LockedFrom(Period period) => LockDays is { } days ? DueDate(period).AddDays(days + 1) : null;

    public bool IsLocked(Period period, DateOnly today) => LockedFrom(period) is { } locked && today >= locked;

    public bool IsOnTime(Period period, DateOnly submitted) => submitted <= DueDate(period);
}
