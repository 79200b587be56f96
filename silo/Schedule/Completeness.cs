using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Schedule;

/// <summary>
/// Completeness and timeliness of returns: per place and period (for scrutiny), and per agency over recent periods
/// ("our returns"). The API and the pages both call this, so they never disagree.
/// </summary>
public sealed class Completeness(ICatalogueReader catalogue, ReturnsExpectations expectations, PeriodLocks locks, TimeProvider time)
{
    public const int DefaultPeriods = 12;
    public const int MaxPeriods = 60;

    /// <summary>
    /// Every indicator of <paramref name="period"/>'s frequency (or just <paramref name="indicatorCode"/>) that some
    /// agency owes for the place, with each expected agency's return; only <paramref name="agencyCode"/>'s when given.
    /// </summary>
    public async Task<PlaceCompleteness> ForPlaceAsync(string placeCode, Period period, string? indicatorCode, string? agencyCode,
        CancellationToken cancellationToken = default)
    {
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken))
            .Where(i => i.Frequency == period.Frequency && (indicatorCode is null || i.Code == indicatorCode))
            .Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var scope = new ReturnsScope(placeCode, indicatorCode, agencyCode);
        var expected = (await expectations.ListAsync(scope, cancellationToken)).Where(e => indicators.Contains(e.Indicator)).ToList();
        var assess = await AssessorAsync(scope, period.ToString(), expected, cancellationToken);

        var shown = indicatorCode is null ? expected.Select(e => e.Indicator).ToHashSet(StringComparer.Ordinal) : indicators;
        return new PlaceCompleteness(placeCode, period.ToString(), assess.Today, [.. shown.Order(StringComparer.Ordinal).Select(code =>
        {
            var schedule = assess.Schedules[code];
            return new IndicatorCompleteness(code, schedule.DueDate(period), schedule.LockedFrom(period),
                [.. expected.Where(e => e.Indicator == code).OrderBy(e => e.Agency, StringComparer.Ordinal).Select(e => assess.Assess(e, period))]);
        })]);
    }

    /// <summary>
    /// One place's completeness for several indicators, each for its own period (a scorecard's latest periods, which
    /// differ by frequency), loaded in one pass: the answer for each is what <see cref="ForPlaceAsync"/> gives for it.
    /// An indicator no agency owes for the place is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IndicatorCompleteness>> ForPeriodsAsync(string placeCode,
        IReadOnlyDictionary<string, Period> periods, CancellationToken cancellationToken = default)
    {
        var scope = new ReturnsScope(placeCode);
        var expected = (await expectations.ListAsync(scope, cancellationToken)).Where(e => periods.ContainsKey(e.Indicator)).ToList();
        var receipts = await expectations.ReceiptsAsync(placeCode,
            periods.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal), cancellationToken);
        var assess = await AssessorAsync(expected, receipts, cancellationToken);
        return expected.GroupBy(e => e.Indicator, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var period = periods[g.Key];
            var schedule = assess.Schedules[g.Key];
            return new IndicatorCompleteness(g.Key, schedule.DueDate(period), schedule.LockedFrom(period),
                [.. g.OrderBy(e => e.Agency, StringComparer.Ordinal).Select(e => assess.Assess(e, period))]);
        }, StringComparer.Ordinal);
    }

    /// <summary>
    /// "Our returns": for each place and indicator the agency owes, its last <paramref name="periods"/> ended periods,
    /// by indicator and place, newest period first.
    /// </summary>
    public async Task<AgencyReturns> ForAgencyAsync(string agencyCode, int periods = DefaultPeriods, CancellationToken cancellationToken = default)
    {
        var frequencies = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, i => i.Frequency, StringComparer.Ordinal);
        var scope = new ReturnsScope(Agency: agencyCode);
        var expected = (await expectations.ListAsync(scope, cancellationToken))
            .OrderBy(e => e.Indicator, StringComparer.Ordinal).ThenBy(e => e.Place, StringComparer.Ordinal).ToList();
        var assess = await AssessorAsync(scope, null, expected, cancellationToken);
        var returns = expected
            .SelectMany(e => RecentPeriods.EndedBy(assess.Today, frequencies[e.Indicator], periods).Select(p => assess.Assess(e, p)))
            .ToList();
        return new AgencyReturns(agencyCode, assess.Today, periods, returns);
    }

    private async Task<Assessor> AssessorAsync(ReturnsScope scope, string? period, IReadOnlyList<Expectation> expected,
        CancellationToken cancellationToken) =>
        await AssessorAsync(expected, await expectations.ReceiptsAsync(scope, period, cancellationToken), cancellationToken);

    private async Task<Assessor> AssessorAsync(IReadOnlyList<Expectation> expected, IReadOnlyDictionary<ReturnKey, Receipt> receipts,
        CancellationToken cancellationToken)
    {
        var schedules = (await catalogue.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var checkers = await locks.LoadAsync(expected.Select(e => e.Agency), cancellationToken);
        return new Assessor(time.Today(), schedules, receipts, checkers);
    }

    /// <summary>Everything loaded for one answer; assesses each expected return without further queries.</summary>
    private sealed record Assessor(
        DateOnly Today, IReadOnlyDictionary<string, IndicatorSchedule> Schedules, IReadOnlyDictionary<ReturnKey, Receipt> Receipts,
        IReadOnlyDictionary<string, PeriodLockChecker> Checkers)
    {
        public ExpectedReturn Assess(Expectation expected, Period period)
        {
            var schedule = Schedules[expected.Indicator];
            Receipts.TryGetValue(new ReturnKey(expected.Place, expected.Indicator, period.ToString(), expected.Agency), out var receipt);
            return new ExpectedReturn(expected.Place, expected.Indicator, period.ToString(), expected.Agency,
                schedule.DueDate(period), schedule.LockedFrom(period), Checkers[expected.Agency].IsLocked(expected.Indicator, period, Today),
                ReturnStatusRules.StatusOf(schedule, period, receipt, Today), ReturnStatusRules.OnTime(schedule, period, receipt),
                receipt?.FirstSubmittedAt, receipt?.LastSubmittedAt, receipt?.Revisions ?? 0);
        }
    }
}
