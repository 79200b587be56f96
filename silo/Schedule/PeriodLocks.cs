using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Schedule;

/// <summary>Loads what <see cref="PeriodLockChecker"/> needs: every indicator's schedule and the agencies' reopenings.</summary>
public sealed class PeriodLocks(ICatalogueReader catalogue, PeriodReopenings reopenings)
{
    /// <summary>A checker for one agency; load it once per batch.</summary>
    public async Task<PeriodLockChecker> LoadAsync(string agencyCode, CancellationToken cancellationToken = default) =>
        new(agencyCode, await SchedulesAsync(cancellationToken), await reopenings.ListAsync(agencyCode, cancellationToken));

    /// <summary>Checkers for several agencies with two queries (reopenings are few: an administrator makes each).</summary>
    public async Task<IReadOnlyDictionary<string, PeriodLockChecker>> LoadAsync(IEnumerable<string> agencyCodes,
        CancellationToken cancellationToken = default)
    {
        var schedules = await SchedulesAsync(cancellationToken);
        var all = await reopenings.ListAsync(null, cancellationToken);
        return agencyCodes.Distinct(StringComparer.Ordinal)
            .ToDictionary(a => a, a => new PeriodLockChecker(a, schedules, all), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, IndicatorSchedule>> SchedulesAsync(CancellationToken cancellationToken) =>
        (await catalogue.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.Ordinal);
}
