using System.Collections.Concurrent;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary>Loads what checking one agency's batch needs, once per batch.</summary>
public sealed class ReturnsValidator(ICatalogueReader catalogue, PeriodLocks periodLocks, TimeProvider time)
{
    /// <summary>
    /// The largest set of seen values kept for the next batch: a set grows to the next prime past twice its size, so a
    /// 10,000-row batch's ends with 17,519 slots (at 16,000, the limit this replaced, no such batch's set was kept).
    /// </summary>
    public const int MaxKeptSeenCapacity = 20_000;

    // The sets of values batches have seen, kept for the next batches: a 10,000-row batch's set (17,519 slots of 24
    // bytes) is on the large object heap, and making one for every batch had the runtime collect the whole heap in the
    // middle of imports.
    private readonly ConcurrentBag<Dictionary<long, int>> _seenSets = [];

    public async Task<BatchValidation> StartAsync(string agencyCode, CancellationToken cancellationToken)
    {
        var places = (await catalogue.ListPlacesAsync(cancellationToken)).Select(p => p.Code);
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var scope = await catalogue.AgencyScopeAsync(agencyCode, cancellationToken);
        var locks = await periodLocks.LoadAsync(agencyCode, cancellationToken);
        // Only where this agency may return a single-source indicator: a row anywhere else is refused before this matters.
        var otherSources = await catalogue.OtherSingleSourcesAsync(agencyCode, scope.Places,
            [.. scope.Indicators.Where(code => indicators.GetValueOrDefault(code)?.Combine == CombineMethod.SingleSource)], cancellationToken);
        return new BatchValidation(agencyCode, places, indicators, scope, locks, otherSources, time.Today(),
            _seenSets.TryTake(out var seen) ? seen : [], KeepSeen);
    }

    /// <summary>Whether a batch's set of seen values is small enough to keep for the next batch.</summary>
    public static bool Keeps(Dictionary<long, int> seen) => seen.EnsureCapacity(0) <= MaxKeptSeenCapacity;

    private void KeepSeen(Dictionary<long, int> seen)
    {
        if (!Keeps(seen)) return;
        seen.Clear();
        _seenSets.Add(seen);
    }
}

/// <summary>
/// Checks the rows of one batch as they stream past, and remembers which values it has seen so that a value
/// given twice in one batch is caught. Disposed once the rows are read: its set of seen values goes back for the next batch.
/// </summary>
public sealed class BatchValidation(
    string agencyCode, IEnumerable<string> places, IReadOnlyDictionary<string, IndicatorDefinition> indicators,
    AgencyScope scope, PeriodLockChecker locks, IReadOnlyDictionary<(string Place, string Indicator), string> otherSources, DateOnly today,
    Dictionary<long, int> seen, Action<Dictionary<long, int>> giveBack) : IDisposable
{
    /// <summary>The code of a row that would give a single-source indicator a second source; the API answers 409.</summary>
    public const string OtherSource = "other_source";

    // Every value the batch has given so far, by place, indicator and period packed into one number: 24 bytes a row
    // rather than the ~200 that keeping each row's three strings took (23 MB held over a 100,000-row upload).
    private Dictionary<long, int>? _seen = seen;
    // Each code a row may name, found with one lookup a row: its number (for the seen values' key) and whether this agency
    // may send it, rather than a lookup in the catalogue, another in the agency's scope and a third for the number.
    private readonly Dictionary<string, (int Number, bool Partner)> _places =
        places.Select((code, n) => (code, n)).ToDictionary(x => x.code, x => (x.n, scope.Places.Contains(x.code)), StringComparer.Ordinal);
    private readonly Dictionary<string, (IndicatorDefinition Definition, int Number, bool Assigned)> _indicators =
        indicators.Select((i, n) => (i, n)).ToDictionary(x => x.i.Key, x => (x.i.Value, x.n, scope.Indicators.Contains(x.i.Key)), StringComparer.Ordinal);

    // The row being checked and its problems so far: rows are checked one at a time, and most have none, so one list
    // serves every row and a row's problems are copied out only when it has some.
    private ParsedRow _checking = null!;
    private readonly List<RowProblem> _found = [];
    private Action<string, string, string>? _problem;

    /// <summary>Every problem with a row: those found reading it, then the catalogue, partnership, period and value rules.</summary>
    public IReadOnlyList<RowProblem> Check(ParsedRow parsed)
    {
        // Where the reader stopped (a truncated file, a wrong header, bytes that are not UTF-8, JSON of the wrong
        // shape) the row's fields were never read: report why, not each field again as missing.
        if (parsed.Problems.Count > 0 && parsed.Problems.Any(p => p.Field is "file" or "header" or "body" or "returns" || p.Code == "invalid_json"))
            return parsed.Problems;
        _checking = parsed;
        _problem ??= Problem;
        _found.Clear();
        _found.AddRange(parsed.Problems);
        var (row, number) = (parsed.Values, parsed.Row);

        (int Number, bool Partner) place = row.Place is null ? (-1, false) : _places.GetValueOrDefault(row.Place, (-1, false));
        if (string.IsNullOrWhiteSpace(row.Place)) Problem("place", "required", "A place code is required.");
        else if (place.Number < 0) Problem("place", "unknown_place", $"No place has the code '{row.Place}'.");
        else if (!place.Partner)
            Problem("place", "not_partner", $"Agency {agencyCode} is not a partner on a board for place {row.Place}.");

        var (indicator, indicatorNumber, assigned) = row.Indicator is null ? (null, -1, false) : _indicators.GetValueOrDefault(row.Indicator, (null!, -1, false));
        if (string.IsNullOrWhiteSpace(row.Indicator)) Problem("indicator", "required", "An indicator code is required.");
        else if (indicator is null) Problem("indicator", "unknown_indicator", $"No indicator has the code '{row.Indicator}'.");
        else if (!assigned)
            Problem("indicator", "not_assigned", $"Indicator {row.Indicator} is not assigned to agency {agencyCode}.");
        else if (row.Place is not null && otherSources.TryGetValue((row.Place, row.Indicator), out var source))
            Problem("indicator", OtherSource, $"{row.Indicator} has one source in {row.Place}, and it is agency {source}.");

        Period? period = null;
        if (string.IsNullOrWhiteSpace(row.Period)) Problem("period", "required", "A period is required.");
        else if (indicator is not null)
        {
            if (!Period.TryParse(row.Period, indicator.Frequency, out period))
                Problem("period", "invalid_period",
                    $"'{row.Period}' is not a {CatalogueNames.Name(indicator.Frequency)} period (write it like {Period.Example(indicator.Frequency)}).");
            else if (period.Value.Start > today)
                Problem("period", "future_period", $"Period {row.Period} has not started yet.");
            else if (locks.IsLocked(indicator.Code, period.Value, today))
                Problem("period", "locked_period",
                    $"Period {row.Period} of {indicator.Code} is locked; an administrator can reopen it for agency {agencyCode}.");
        }

        if (indicator is not null) ValueRules.Check(indicator, row.Numerator, row.Denominator, _problem);

        // A row naming an unknown place or indicator, or no valid period, is already rejected for that.
        if (row is { Place: { } p, Indicator: { } i } && period is { } pe && place.Number >= 0 && indicator is not null)
        {
            var key = ((long)place.Number << 32) | ((long)indicatorNumber << 18) | ((long)pe.Year << 4) | (uint)pe.Index;
            var values = _seen ?? throw new ObjectDisposedException(nameof(BatchValidation));
            if (values.TryGetValue(key, out var first))
                Problem("row", "duplicate", $"Row {number} gives {i} for {p} in {row.Period} again; row {first} already did.");
            else values[key] = number;
        }
        return _found.Count == 0 ? [] : [.. _found];
    }

    public void Dispose()
    {
        if (_seen is { } values) giveBack(values);
        _seen = null;
    }

    /// <summary>A problem with the row being checked; a field that could not be read is reported once, as unreadable, not again as missing.</summary>
    private void Problem(string field, string code, string message)
    {
        for (var i = 0; i < _checking.Problems.Count; i++)
            if (_checking.Problems[i].Field == field) return;
        var problem = new RowProblem(_checking.Row, field, code, message);
        _found.Add(_checking.Sheet?.Locate(problem) ?? problem);
    }
}
