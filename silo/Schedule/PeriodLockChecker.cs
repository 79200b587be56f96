using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Schedule;

/// <summary>
/// Answers "is this period locked for this agency?" from schedules and reopenings loaded once (see
/// <see cref="PeriodLocks"/>), so that checking every row of a large batch touches no database.
/// </summary>
public sealed class PeriodLockChecker
{
    private readonly IReadOnlyDictionary<string, IndicatorSchedule> _schedules;
    private readonly HashSet<(string Indicator, string Period)> _reopened;

    internal PeriodLockChecker(string agencyCode, IReadOnlyDictionary<string, IndicatorSchedule> schedules,
        IEnumerable<PeriodReopening> reopenings)
    {
        AgencyCode = agencyCode;
        _schedules = schedules;
        _reopened = [.. reopenings.Where(r => r.Agency == agencyCode).Select(r => (r.Indicator, r.Period))];
    }

    public string AgencyCode { get; }

    /// <summary>
    /// Locked by the indicator's schedule and not reopened for this agency. An indicator the catalogue does not know
    /// is not locked: the validator reports it as unknown instead.
    /// </summary>
    public bool IsLocked(string indicatorCode, Period period, DateOnly today) =>
        _schedules.TryGetValue(indicatorCode, out var schedule)
        && schedule.IsLocked(period, today)
        && !IsReopened(indicatorCode, period);

    public bool IsReopened(string indicatorCode, Period period) => _reopened.Contains((indicatorCode, period.ToString()));
}
