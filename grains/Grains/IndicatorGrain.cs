using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Grains.Grains;

public sealed class IndicatorGrain(ICatalogue catalogue) : Grain<IndicatorState>, IIndicatorGrain
{
    private string _place = "";
    private IndicatorDefinition _indicator = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_place, var code) = IndicatorKey.Parse(Key);
        _indicator = await catalogue.FindIndicatorAsync(code, cancellationToken)
            ?? throw new KeyNotFoundException($"No indicator '{code}' in the catalogue.");
    }

    public Task<IReadOnlyList<ReturnOutcome>> PreviewAsync(IReadOnlyList<ReturnedValue> values)
    {
        // Classify against a copy, so that a value repeated within one batch is judged against the one before it.
        var periods = State.Periods.ToDictionary(p => p.Key, p => new Dictionary<string, Contribution>(p.Value));
        var outcomes = values.Select(v => Classify(periods, v, "", "", default).Outcome).ToList();
        return Task.FromResult<IReadOnlyList<ReturnOutcome>>(outcomes);
    }

    public async Task<IReadOnlyList<ReturnOutcome>> SubmitAsync(ReturnSubmission submission)
    {
        var outcomes = new List<ReturnOutcome>(submission.Values.Count);
        var ledger = new List<IAppendRecord>();
        var changedPeriods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in submission.Values)
        {
            var (outcome, contribution) = Classify(State.Periods, value, submission.BatchId, submission.SubmittedBy, submission.SubmittedAt);
            outcomes.Add(outcome);
            if (outcome == ReturnOutcome.Unchanged) continue;
            changedPeriods.Add(value.Period);
            ledger.Add(new LedgerEntry(submission.BatchId, _place, _indicator.Code, value.Period, value.Agency,
                contribution.Revision, value.Numerator, value.Denominator, value.Note, submission.SubmittedBy, submission.SubmittedAt));
        }
        if (ledger.Count == 0) return outcomes;

        await WriteStateAsync(ledger);

        // One change per submission, not one per period: a batch of years of history would otherwise flood every
        // node and browser. It names the newest period changed; a page showing history re-reads the series.
        var newestChanged = changedPeriods.MaxBy(Period.Parse)!;
        Publish(new Change(ChangeKinds.Indicator, Keys(), [ChangeGroups.Indicator(_place, _indicator.Code)],
            newestChanged, PointFor(newestChanged).Value, submission.SubmittedAt));
        var latestPeriod = State.Periods.Keys.MaxBy(Period.Parse)!;
        if (changedPeriods.Contains(latestPeriod))
        {
            var latest = PointFor(latestPeriod);
            await GrainFactory.Get<IPlaceGrain>(_place).OnIndicatorChangedAsync(
                new IndicatorLatest(_indicator.Code, latestPeriod, latest.Value, latest.Numerator, latest.Denominator, submission.SubmittedAt));
        }
        return outcomes;
    }

    public Task<IndicatorSeries> GetSeriesAsync()
    {
        var points = State.Periods.Keys.OrderBy(Period.Parse).Select(PointFor).ToList();
        return Task.FromResult(new IndicatorSeries(_place, _indicator, points));
    }

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
