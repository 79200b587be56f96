using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Grains;

/// <summary>
/// An indicator in one place: each agency's contributions, the combined series and its statistics. Its state and the
/// ledger rows of each submission are written in one transaction (<see cref="RecordedWrites"/>).
/// </summary>
[GrainType(GrainStates.Indicator)]
public sealed class IndicatorGrain(
    ICatalogue catalogue, TimeProvider time,
    [PersistentState(GrainStates.Indicator, GrainStates.Storage)] IPersistentState<IndicatorState> state) : Grain, IIndicatorGrain
{
    private IndicatorState State => state.State;
    private string _place = "";
    private IndicatorDefinition _indicator = null!;
    private IndicatorSchedule _schedule = null!;
    private IReadOnlySet<string> _released = new HashSet<string>();
    private IndicatorSeries? _series;
    private (DateOnly On, IndicatorSeries Series)? _published;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReadCatalogueAsync(cancellationToken);

    public Task OnCatalogueChangedAsync() => ReadCatalogueAsync(CancellationToken.None);

    private async Task ReadCatalogueAsync(CancellationToken cancellationToken)
    {
        (_place, var code) = IndicatorKey.Parse(this.GetPrimaryKeyString());
        _indicator = await catalogue.FindIndicatorAsync(code, cancellationToken)
            ?? throw new KeyNotFoundException($"No indicator '{code}' in the catalogue.");
        _schedule = await catalogue.FindScheduleAsync(code, cancellationToken)
            ?? new IndicatorSchedule(code, IndicatorSchedule.DefaultDueDays, null, null);
        _released = _schedule.Publication == PublicationRule.OnRelease
            ? await catalogue.ListReleasedPeriodsAsync(code, cancellationToken)
            : new HashSet<string>();
        // Also read again when the catalogue changed or a period was released: the series are stale.
        _series = null;
        _published = null;
    }

    public Task<SubmissionAnswer> PreviewAsync(IReadOnlyList<ReturnedValue> values)
    {
        var outliers = Outliers(values);
        // Classify against a copy, so that a value repeated within one batch is judged against the one before it.
        var periods = State.Periods.ToDictionary(p => p.Key, p => new Dictionary<string, Contribution>(p.Value));
        var outcomes = values.Select(v => Classify(periods, v, "", "", default).Outcome).ToList();
        return Task.FromResult(new SubmissionAnswer(outcomes, outliers));
    }

    public async Task<SubmissionAnswer> SubmitAsync(ReturnSubmission submission)
    {
        var outliers = Outliers(submission.Values);
        var outcomes = new List<ReturnOutcome>(submission.Values.Count);
        var ledger = new List<IAppendRecord>();
        var changedPeriods = new HashSet<string>(StringComparer.Ordinal);
        // Whole microseconds, as PostgreSQL keeps them: the contributions are read back from the ledger on activation,
        // and must be the ones held now.
        var at = submission.SubmittedAt.AddTicks(-(submission.SubmittedAt.Ticks % TimeSpan.TicksPerMicrosecond));
        foreach (var value in submission.Values)
        {
            var (outcome, contribution) = Classify(State.Periods, value, submission.BatchId, submission.SubmittedBy, at);
            outcomes.Add(outcome);
            if (outcome == ReturnOutcome.Unchanged) continue;
            changedPeriods.Add(value.Period);
            ledger.Add(new LedgerEntry(submission.BatchId, _place, _indicator.Code, value.Period, value.Agency,
                contribution.Revision, value.Numerator, value.Denominator, value.Note, submission.SubmittedBy, at));
        }
        if (ledger.Count == 0)
        {
            // Nothing new, but the values may be ones whose first submission died after this grain's write and before
            // the place heard of it (a crash, the store going away): a retry or a recovered batch brings the place up
            // to date. The place ignores a latest value it already holds.
            if (State.Periods.Count > 0) await TellPlaceAsync(Series(), LatestSubmittedAt(Series()));
            return new SubmissionAnswer(outcomes, outliers);
        }

        await state.WriteWithAsync(this, ledger);
        await AfterChangeAsync(newest: changedPeriods.MaxBy(Period.Parse)!, submission.SubmittedAt);
        return new SubmissionAnswer(outcomes, outliers);
    }

    /// <summary>
    /// The values that lie far from their agency's recent values, judged against the points before this submission
    /// (every value, published or not: an agency is compared with its own history, and sees no one else's). From the
    /// points alone: the series' statistics are computed once, after the write, not also before it.
    /// </summary>
    private List<Outlier> Outliers(IReadOnlyList<ReturnedValue> values)
    {
        var outliers = new List<Outlier>();
        if (State.Periods.Count == 0) return outliers;
        var points = _series?.Points ?? Points();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (_indicator.ValueOf(v.Numerator, v.Denominator) is { } value &&
                ContributionOutliers.Score(_indicator, points, v.Agency, v.Period, value) is { } z)
                outliers.Add(new Outlier(i, value, z));
        }
        return outliers;
    }

    public Task<IndicatorSeries> GetSeriesAsync(DataView view) => Task.FromResult(SeriesFor(view));

    public Task<SeriesPoint?> GetPointAsync(string period, DataView view) =>
        Task.FromResult(State.Periods.ContainsKey(period) && (view == DataView.All || IsPublished(period)) ? PointFor(period) : null);

    public Task<IndicatorLatest?> GetLatestAsync(DataView view)
    {
        var series = SeriesFor(view);
        if (series.Points.Count == 0) return Task.FromResult<IndicatorLatest?>(null);
        return Task.FromResult<IndicatorLatest?>(LatestOf(series, LatestSubmittedAt(series)));
    }

    public async Task<IndicatorSettings> SetTargetAsync(double? value, SettingChange change)
    {
        var before = State.Target;
        State.Target = value is { } v ? new TargetSetting(v, change) : null;
        var action = value is null ? SettingActions.TargetCleared : SettingActions.TargetSet;
        await WriteSettingAsync(change, action, new { before = before?.Value, after = value, reason = change.Reason });
        return Series().Settings;
    }

    public async Task<bool> AddRebaseAsync(string period, SettingChange change)
    {
        if (State.Rebases.Any(r => r.Period == period)) return false;
        State.Rebases = [.. State.Rebases.Append(new RebaseSetting(period, change)).OrderBy(r => Period.Parse(r.Period))];
        await WriteSettingAsync(change, SettingActions.RebaseAdded, new { period, reason = change.Reason });
        return true;
    }

    public async Task<bool> RemoveRebaseAsync(string period, SettingChange change)
    {
        if (State.Rebases.RemoveAll(r => r.Period == period) == 0) return false;
        await WriteSettingAsync(change, SettingActions.RebaseRemoved, new { period, reason = change.Reason });
        return true;
    }

    private async Task WriteSettingAsync(SettingChange change, string action, object detail)
    {
        await state.WriteWithAsync(this, [new AuditEntry(change.At, change.By, action, this.GetPrimaryKeyString(),
            System.Text.Json.JsonSerializer.Serialize(detail, GrainJson.Options))]);
        // The values did not change, but the limits, icons and target line did: pages re-read the series. With no
        // values there is nothing to announce, but the kept series still carries the old settings.
        if (State.Periods.Count > 0) await AfterChangeAsync(newest: State.Periods.Keys.MaxBy(Period.Parse)!, change.At);
        else (_series, _published) = (null, null);
    }

    /// <summary>
    /// After a write: one change for pages showing this indicator, and the place's latest value and icons. Any write
    /// can change the icons (a revised old value moves the limits), so the place hears of every one.
    /// </summary>
    private async Task AfterChangeAsync(string newest, DateTimeOffset at)
    {
        _series = null;
        // One change per submission, not one per period: a batch of years of history would otherwise flood every
        // node and browser. It names the newest period changed; a page showing history re-reads the series.
        _published = null;
        await GrainFactory.PublishChangeAsync(new Change(ChangeKinds.Indicator, Keys(),
            [ChangeGroups.Indicator(_place, _indicator.Code)], newest, PointFor(newest).Value, at, Unpublished: !IsPublished(newest)));
        await TellPlaceAsync(Series(), at);
    }

    private Task TellPlaceAsync(IndicatorSeries series, DateTimeOffset at) =>
        GrainFactory.GetGrain<IPlaceGrain>(_place).OnIndicatorChangedAsync(LatestOf(series, at), IsPublished(series.Points[^1].Period));

    private static DateTimeOffset LatestSubmittedAt(IndicatorSeries series) =>
        series.Points[^1].Contributions.Count > 0 ? series.Points[^1].Contributions.Max(c => c.SubmittedAt) : default;

    private IndicatorLatest LatestOf(IndicatorSeries series, DateTimeOffset at)
    {
        var latest = series.Points[^1];
        return new IndicatorLatest(_indicator.Code, latest.Period, latest.Value, latest.Numerator, latest.Denominator, at,
            series.Statistics.VariationIcon, series.Statistics.AssuranceIcon, series.Statistics.RecentTrend.Trend);
    }

    private IndicatorSeries SeriesFor(DataView view) => view == DataView.All ? Series() : PublishedSeries();

    /// <summary>
    /// The published values and statistics of their own. Computed once a day at most: what is published changes
    /// with the state (which clears it), a release (which reactivates the grain) or the date (a days-after rule).
    /// </summary>
    private IndicatorSeries PublishedSeries()
    {
        if (_schedule.Publication == PublicationRule.OnAcceptance) return Series();
        var today = Today();
        if (_published is { } cached && cached.On == today) return cached.Series;
        var all = Series();
        var points = all.Points.Where(p => IsPublished(p.Period, today)).ToList();
        var series = points.Count == all.Points.Count
            ? all
            : all with { Points = points, Statistics = SeriesStatistics.Of(_indicator, points, all.Settings) };
        _published = (today, series);
        return series;
    }

    private bool IsPublished(string period) => IsPublished(period, Today());

    private bool IsPublished(string period, DateOnly today) => _schedule.IsPublished(Period.Parse(period), today, _released.Contains(period));

    // Publication days are counted in UTC: a days-after rule publishes at midnight UTC, which is the UK's midnight
    // for half the year and an hour out for the other half (documented in docs/security.md).
    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The series and its statistics, computed once per change of state rather than once per read.</summary>
    private IndicatorSeries Series()
    {
        if (_series is not null) return _series;
        var points = Points();
        var settings = new IndicatorSettings(State.Target, _schedule.Target, State.Rebases);
        return _series = new IndicatorSeries(_place, _indicator, points, settings, SeriesStatistics.Of(_indicator, points, settings));
    }

    /// <summary>Every period's combined value, oldest first.</summary>
    private List<SeriesPoint> Points() => [.. State.Periods.Keys.OrderBy(Period.Parse).Select(PointFor)];

    private SeriesPoint PointFor(string period) => Combiner.Combine(_indicator, period, State.Periods[period].Values);

    private Dictionary<string, string> Keys() => new() { [ChangeKeys.Place] = _place, [ChangeKeys.Indicator] = _indicator.Code };

    /// <summary>Decides what a value does and, unless unchanged, records it as the agency's new contribution.</summary>
    private static (ReturnOutcome Outcome, Contribution Contribution) Classify(
        Dictionary<string, Dictionary<string, Contribution>> periods, ReturnedValue value,
        string batchId, string submittedBy, DateTimeOffset at)
    {
        if (!periods.TryGetValue(value.Period, out var byAgency)) periods[value.Period] = byAgency = [];
        byAgency.TryGetValue(value.Agency, out var current);
        if (current is not null && current.Numerator.Equals(value.Numerator) &&
            Nullable.Equals(current.Denominator, value.Denominator) && (current.Note ?? "") == (value.Note ?? ""))
            return (ReturnOutcome.Unchanged, current);

        var next = new Contribution(value.Agency, value.Numerator, value.Denominator, value.Note,
            (current?.Revision ?? 0) + 1, batchId, submittedBy, at);
        byAgency[value.Agency] = next;
        return (current is null ? ReturnOutcome.Imported : ReturnOutcome.Updated, next);
    }
}
