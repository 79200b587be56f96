using System.Runtime.InteropServices;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics;
using Scrutiny.Grains.Statistics.Spc;
using Scrutiny.Grains.Statistics.Trends;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Grains;

/// <summary>
/// An indicator in one place: each agency's contributions, the combined series and its statistics. Its contributions
/// are its ledger entries' newest revisions: a batch's entries are committed for all its grains at once, then each
/// grain takes its own in (<see cref="IIndicatorGrain.PlanAsync"/>, <see cref="IIndicatorGrain.AbsorbAsync"/>); a
/// grain's own submission and its settings are written with its state (<see cref="RecordedWrites"/>).
/// </summary>
[GrainType(GrainStates.Indicator)]
public sealed class IndicatorGrain(
    ICatalogue catalogue, TimeProvider time, IChangePublisher feed,
    [PersistentState(GrainStates.Indicator, GrainStates.Storage)] IPersistentState<IndicatorState> state) : Grain, IIndicatorGrain
{
    private IndicatorState State => state.State;
    private string _place = "";
    private IndicatorDefinition _indicator = null!;
    private IndicatorSchedule _schedule = null!;
    private IReadOnlySet<string> _released = new HashSet<string>();
    private IndicatorSeries? _series;
    // The combined points, oldest first, between changes: a batch changes a few periods of a long series, and only
    // those are combined again. Replaced, never changed in place: a series handed out holds the list it was given.
    private List<SeriesPoint>? _points;
    private (DateOnly On, IndicatorSeries Series)? _published;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReadCatalogueAsync(cancellationToken);

    public Task OnCatalogueChangedAsync() => ReadCatalogueAsync(CancellationToken.None);

    private async Task ReadCatalogueAsync(CancellationToken cancellationToken)
    {
        (_place, var code) = IndicatorKey.Parse(this.GetPrimaryKeyString());
        // Asked at once: a catalogue that makes sure it is current before each read can make sure once for both.
        var (indicator, schedule) = (catalogue.FindIndicatorAsync(code, cancellationToken), catalogue.FindScheduleAsync(code, cancellationToken));
        _indicator = await indicator ?? throw new KeyNotFoundException($"No indicator '{code}' in the catalogue.");
        _schedule = await schedule ?? new IndicatorSchedule(code, IndicatorSchedule.DefaultDueDays, null, null);
        _released = _schedule.Publication == PublicationRule.OnRelease
            ? await catalogue.ListReleasedPeriodsAsync(code, cancellationToken)
            : new HashSet<string>();
        // Also read again when the catalogue changed or a period was released: the series are stale (a new combine
        // method combines every period differently).
        _series = null;
        _published = null;
        _points = null;
    }

    public Task<SubmissionPlan> PlanAsync(ReturnSubmission submission) => Task.FromResult(Plan(submission));

    public Task<Absorbed> AbsorbAsync(IReadOnlyList<LedgerEntry> entries)
    {
        // Nothing new, but the values may be ones whose first submission died before the place heard of them (a crash,
        // the store going away): a retry brings the place up to date. The place ignores a latest value it holds already.
        if (entries.Count == 0) return Task.FromResult(new Absorbed(null, State.Periods.Count > 0 ? NewsOf(LatestSubmittedAt(Points())) : null));
        Take(entries);
        // Announced even when every entry was held already (an activation that started after the commit read them from
        // the ledger): nobody has heard of them yet.
        var (change, news) = AfterChange(newest: entries.Select(e => e.Period).MaxBy(Period.Parse)!, entries[0].SubmittedAt);
        return Task.FromResult(new Absorbed(change, news));
    }

    public Task ReloadAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task<SubmissionAnswer> SubmitAsync(ReturnSubmission submission)
    {
        var plan = Plan(submission);
        if (plan.Entries.Count > 0) await state.WriteWithAsync(this, plan.Entries);
        var absorbed = await AbsorbAsync(plan.Entries);
        await AnnounceAsync(absorbed.Change, absorbed.News);
        return plan.Answer;
    }

    /// <summary>
    /// What each value does, against the contributions held and the values before it in the same submission (a value
    /// repeated within one batch is judged against the one before it), changing nothing held.
    /// </summary>
    private SubmissionPlan Plan(ReturnSubmission submission)
    {
        var outliers = Outliers(submission.Values);
        var outcomes = new List<ReturnOutcome>(submission.Values.Count);
        var entries = new List<LedgerEntry>(submission.Values.Count);
        // Whole microseconds, as PostgreSQL keeps them: the contributions are read back from the ledger on activation,
        // and must be the ones held now.
        var at = submission.SubmittedAt.AddTicks(-(submission.SubmittedAt.Ticks % TimeSpan.TicksPerMicrosecond));
        // What this submission has planned so far, over what is held: the entries themselves, not a contribution made
        // from each (a third of a batch's plan allocations were those).
        var planned = new Dictionary<(string Period, string Agency), LedgerEntry>(submission.Values.Count);
        foreach (var value in submission.Values)
        {
            Held? current = planned.TryGetValue((value.Period, value.Agency), out var earlier)
                ? new(earlier.Numerator, earlier.Denominator, earlier.Note, earlier.Revision)
                : State.Periods.TryGetValue(value.Period, out var contributions) && PeriodContributions.Of(contributions, value.Agency) is { } held
                    ? new(held.Numerator, held.Denominator, held.Note, held.Revision)
                    : null;
            if (current is { } c && c.Numerator.Equals(value.Numerator) && Nullable.Equals(c.Denominator, value.Denominator) && (c.Note ?? "") == (value.Note ?? ""))
            {
                outcomes.Add(ReturnOutcome.Unchanged);
                continue;
            }
            outcomes.Add(current is null ? ReturnOutcome.Imported : ReturnOutcome.Updated);
            var entry = new LedgerEntry(submission.BatchId, _place, _indicator.Code, value.Period, value.Agency,
                (current?.Revision ?? 0) + 1, value.Numerator, value.Denominator, value.Note, submission.SubmittedBy, at);
            planned[(value.Period, value.Agency)] = entry;
            entries.Add(entry);
        }
        return new SubmissionPlan(new SubmissionAnswer(outcomes, outliers), entries);
    }

    /// <summary>An agency's value for a period as held or as planned: what a new value is compared with.</summary>
    private readonly record struct Held(double Numerator, double? Denominator, string? Note, int Revision);

    /// <summary>Holds each entry as its agency's contribution to its period, unless a revision as new is held already.</summary>
    private void Take(IReadOnlyList<LedgerEntry> entries)
    {
        // The periods changed, for the points to combine again (none to keep while the points are not made yet).
        var changed = _points is null ? null : new List<(Period Period, string Text)>(entries.Count);
        foreach (var e in entries)
        {
            var contributions = State.Periods.GetValueOrDefault(e.Period);
            if (contributions is not null && PeriodContributions.Of(contributions, e.Agency) is { } held && held.Revision >= e.Revision) continue;
            State.Periods[e.Period] = PeriodContributions.With(contributions, e.ToContribution());
            changed?.Add((Period.Parse(e.Period), e.Period));
        }
        if (changed is not { Count: > 0 }) return;
        changed.Sort((a, b) => a.Period.CompareTo(b.Period));
        // The changed periods merged into the points in one pass, each combined again, in place of its old point or
        // joining the series. The points before the first change are kept as they are, unread: a new month goes at the end.
        var old = _points!;
        var points = new List<SeriesPoint>(old.Count + changed.Count);
        var next = IndexOf(old, changed[0].Period);
        next = next < 0 ? ~next : next;
        points.AddRange(CollectionsMarshal.AsSpan(old)[..next]);
        for (var c = 0; c < changed.Count; c++)
        {
            var (period, text) = changed[c];
            if (c > 0 && period == changed[c - 1].Period) continue; // two revisions of one period in one submission
            int order;
            while (next < old.Count && (order = Period.Parse(old[next].Period).CompareTo(period)) <= 0)
            {
                if (order < 0) points.Add(old[next]);
                next++;
            }
            points.Add(PointFor(text));
        }
        points.AddRange(CollectionsMarshal.AsSpan(old)[next..]);
        _points = points;
    }

    /// <summary>Where <paramref name="period"/> is in points oldest first, or the complement of where it would go.</summary>
    private static int IndexOf(List<SeriesPoint> points, Period period)
    {
        var (low, high) = (0, points.Count - 1);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = Period.Parse(points[middle].Period).CompareTo(period);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
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
        var points = Points();
        // A batch's values are one agency's: each agency's values are judged together, its history read once. Loops,
        // not LINQ groups: this runs for every grain of every batch.
        var agencies = new List<string>(1);
        foreach (var value in values)
            if (!agencies.Contains(value.Agency)) agencies.Add(value.Agency);
        foreach (var agency in agencies)
        {
            var (judged, asked) = (new List<(int Index, double Value)>(values.Count), new List<(Period, double)>(values.Count));
            for (var i = 0; i < values.Count; i++)
                if (values[i].Agency == agency && _indicator.ValueOf(values[i].Numerator, values[i].Denominator) is { } value)
                {
                    judged.Add((i, value));
                    asked.Add((Period.Parse(values[i].Period), value));
                }
            var scores = ContributionOutliers.Score(_indicator, points, agency, asked);
            for (var k = 0; k < judged.Count; k++)
                if (scores[k] is { } z) outliers.Add(new Outlier(judged[k].Index, judged[k].Value, z));
        }
        outliers.Sort((a, b) => a.Index.CompareTo(b.Index));
        return outliers;
    }

    public Task<IndicatorSeries> GetSeriesAsync(DataView view) => Task.FromResult(SeriesFor(view));

    public Task<SeriesPoint?> GetPointAsync(string period, DataView view) =>
        Task.FromResult(State.Periods.ContainsKey(period) && (view == DataView.All || IsPublished(period)) ? PointFor(period) : null);

    public Task<IndicatorLatest?> GetLatestAsync(DataView view)
    {
        var series = SeriesFor(view);
        if (series.Points.Count == 0) return Task.FromResult<IndicatorLatest?>(null);
        return Task.FromResult<IndicatorLatest?>(LatestOf(series, LatestSubmittedAt(series.Points)));
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
        if (State.Periods.Count == 0)
        {
            (_series, _published) = (null, null);
            return;
        }
        var (changed, news) = AfterChange(newest: State.Periods.Keys.MaxBy(Period.Parse)!, change.At);
        await AnnounceAsync(changed, news);
    }

    /// <summary>
    /// After a write: one change for pages showing this indicator, and what the place should hear (its latest value and
    /// icons). Any write can change the icons (a revised old value moves the limits), so the place hears of every one.
    /// </summary>
    private (Change Change, IndicatorNews News) AfterChange(string newest, DateTimeOffset at)
    {
        _series = null;
        _published = null;
        // One change per submission, not one per period: a batch of years of history would otherwise flood every
        // node and browser. It names the newest period changed; a page showing history re-reads the series.
        return (new Change(ChangeKinds.Indicator, Keys(), [ChangeGroups.Indicator(_place, _indicator.Code)], newest, PointFor(newest).Value, at,
            Unpublished: !IsPublished(newest)), NewsOf(at));
    }

    /// <summary>
    /// The place's news: the latest value and the icons of the series, from the statistics if a reader asked for them
    /// since the change, otherwise from the chart and trend alone (the rest waits for a reader).
    /// </summary>
    private IndicatorNews NewsOf(DateTimeOffset at)
    {
        var points = Points();
        IndicatorLatest latest;
        if (_series is { } series) latest = LatestOf(series, at);
        else
        {
            var (variation, assurance, trend) = SeriesStatistics.SignalsOf(_indicator, points, Settings());
            latest = LatestOf(points[^1], at, variation, assurance, trend);
        }
        return new IndicatorNews(latest, IsPublished(points[^1].Period));
    }

    /// <summary>A change this grain made on its own (not a batch's, which its applier announces): pages, then the place.</summary>
    private async Task AnnounceAsync(Change? change, IndicatorNews? news)
    {
        if (change is not null) await feed.PublishAsync([change]);
        if (news is not null) await GrainFactory.Grain<IPlaceGrain>(_place).OnIndicatorsChangedAsync([news]);
    }

    private static DateTimeOffset LatestSubmittedAt(IReadOnlyList<SeriesPoint> points) =>
        points[^1].Contributions.Count > 0 ? points[^1].Contributions.Max(c => c.SubmittedAt) : default;

    private IndicatorLatest LatestOf(IndicatorSeries series, DateTimeOffset at) =>
        LatestOf(series.Points[^1], at, series.Statistics.VariationIcon, series.Statistics.AssuranceIcon, series.Statistics.RecentTrend.Trend);

    private IndicatorLatest LatestOf(SeriesPoint latest, DateTimeOffset at, VariationIcon? variation, AssuranceIcon? assurance, RecentTrend trend) =>
        new(_indicator.Code, latest.Period, latest.Value, latest.Numerator, latest.Denominator, at, variation, assurance, trend);

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
        var settings = Settings();
        return _series = new IndicatorSeries(_place, _indicator, points, settings, SeriesStatistics.Of(_indicator, points, settings));
    }

    private IndicatorSettings Settings() => new(State.Target, _schedule.Target, State.Rebases);

    /// <summary>Every period's combined value, oldest first.</summary>
    private List<SeriesPoint> Points() => _points ??= [.. State.Periods.Keys.OrderBy(Period.Parse).Select(PointFor)];

    private SeriesPoint PointFor(string period) => Combiner.CombineOrdered(_indicator, period, State.Periods[period]);

    private Dictionary<string, string> Keys() => new() { [ChangeKeys.Place] = _place, [ChangeKeys.Indicator] = _indicator.Code };
}
