using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Comparisons;

/// <summary>
/// One indicator across many places: each place's value and 95% interval as its series' statistics give them, the
/// verdict against England by <see cref="Benchmark.Compare(IndicatorDefinition, double?, Grains.Statistics.ConfidenceIntervals.ConfidenceInterval?, double?)"/> (none for a count) and England's value as <see cref="BenchmarkService"/>
/// finds it, so that the comparison and a place's own benchmarks always agree. Lives outside the grains because it
/// reads many of them.
/// </summary>
public sealed class PlaceComparison(ICatalogueReader catalogue, BenchmarkService benchmarks)
{
    /// <summary>The place types with at least two places (one place compares with nothing), and every comparator group.</summary>
    public async Task<(IReadOnlyList<string> Types, IReadOnlyList<ComparatorGroupDefinition> Groups)> ChoicesAsync(
        CancellationToken cancellationToken = default)
    {
        var places = await catalogue.ListPlacesAsync(cancellationToken);
        var types = places.GroupBy(p => p.Type).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        return (types, await catalogue.ListComparatorGroupsAsync(cancellationToken: cancellationToken));
    }

    /// <summary>The places of a type or a group; null when there are none (an unknown type or group).</summary>
    public async Task<ComparisonScope?> ScopeAsync(ScopeKind kind, string id, CancellationToken cancellationToken = default)
    {
        var places = await catalogue.ListPlacesAsync(cancellationToken);
        if (kind == ScopeKind.Type)
        {
            var ofType = places.Where(p => p.Type == id).ToList();
            return ofType.Count == 0 ? null : new ComparisonScope(kind, id, id, ofType, null);
        }
        var group = (await catalogue.ListComparatorGroupsAsync(cancellationToken: cancellationToken)).FirstOrDefault(g => g.Id == id);
        if (group is null) return null;
        var byCode = places.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var members = group.Members.Prepend(group.PlaceCode).Distinct().Where(byCode.ContainsKey).Select(c => byCode[c]).ToList();
        return new ComparisonScope(kind, id, group.Name, members, group.PlaceCode);
    }

    /// <summary>
    /// The comparison for <paramref name="period"/>, or for the latest common period (<see cref="LatestCommonPeriod"/>)
    /// when none is given. Null when the indicator is not in the catalogue.
    /// </summary>
    public async Task<Comparison?> CompareAsync(VisibleOutcomes outcomes, ComparisonScope scope, string indicatorCode, string? period,
        CancellationToken cancellationToken = default)
    {
        var indicator = await catalogue.FindIndicatorAsync(indicatorCode, cancellationToken);
        if (indicator is null) return null;

        var series = await Task.WhenAll(scope.Places.Select(p => outcomes.SeriesAsync(p.Code, indicator.Code)));
        var valued = series.Select(s => s.Points.Where(p => p.Value is not null).Select(p => p.Period).ToHashSet(StringComparer.Ordinal)).ToList();
        var periods = valued.SelectMany(p => p).Distinct().OrderByDescending(Period.Parse).ToList();
        period ??= LatestCommonPeriod(valued, periods);
        if (period is null) return new Comparison(indicator, scope, null, periods, [.. scope.Places.Select(NoValue)], null);

        var england = await EnglandAsync(outcomes, indicator, period, cancellationToken);
        var values = scope.Places.Zip(series, (place, s) => ValueOf(place, s, period)).ToList();
        var ranked = values.Where(v => v.Value is not null).Select(v => (v.Place.Code, v.Value!.Value)).ToList();
        var compared = values.ConvertAll(v => new ComparedPlace(v.Place, v.Value, v.Interval95,
            Benchmark.Compare(indicator, v.Value, v.Interval95, england?.Value),
            v.Value is null ? null : ComparatorGroup.Summarise(v.Place.Code, ranked, indicator.Polarity)?.Rank, ranked.Count, v.Sources));
        return new Comparison(indicator, scope, period, periods, BestFirst(compared, indicator.Polarity), england);

        ComparedPlace NoValue(Place place) => new(place, null, null, BenchmarkOutcome.NotCompared, null, 0, []);
    }

    /// <summary>
    /// Every indicator of the catalogue (by theme, then code) across the scope's places, each at its own latest common
    /// period: a heat map's columns.
    /// </summary>
    public async Task<HeatMap> HeatMapAsync(VisibleOutcomes outcomes, ComparisonScope scope, CancellationToken cancellationToken = default)
    {
        var indicators = await catalogue.ListIndicatorsAsync(cancellationToken);
        var columns = new List<Comparison>(indicators.Count);
        // One indicator at a time: each comparison already reads every place's grain at once.
        foreach (var indicator in indicators)
            columns.Add((await CompareAsync(outcomes, scope, indicator.Code, period: null, cancellationToken))!);
        return new HeatMap(scope, [.. scope.Places.OrderBy(p => p.Name, StringComparer.Ordinal)], columns);
    }

    /// <summary>
    /// The newest period that every place with any value has; when the places share none, the newest of the periods
    /// held by the most places, so that a comparison never shows a period few places have returned.
    /// </summary>
    public static string? LatestCommonPeriod(IReadOnlyList<IReadOnlySet<string>> valuedPeriods, IReadOnlyList<string> newestFirst)
    {
        var reporting = valuedPeriods.Where(p => p.Count > 0).ToList();
        if (reporting.Count == 0) return null;
        return newestFirst.FirstOrDefault(period => reporting.All(p => p.Contains(period)))
            ?? newestFirst.MaxBy(period => reporting.Count(p => p.Contains(period)));
    }

    private async Task<ComparedReference?> EnglandAsync(VisibleOutcomes outcomes, IndicatorDefinition indicator, string period, CancellationToken cancellationToken)
    {
        var places = await catalogue.PlaceHierarchyAsync(cancellationToken);
        if (!places.ByCode.TryGetValue(Place.EnglandCode, out var england)) return null;
        var value = await benchmarks.ComparatorValueAsync(outcomes, england, places, indicator, period);
        return new ComparedReference(england, value.Value, value.AggregatedFrom);
    }

    private static (Place Place, double? Value, Grains.Statistics.ConfidenceIntervals.ConfidenceInterval? Interval95, IReadOnlyList<string> Sources)
        ValueOf(Place place, IndicatorSeries series, string period)
    {
        var index = series.Points.ToList().FindIndex(p => p.Period == period);
        if (index < 0) return (place, null, null, []);
        var point = series.Points[index];
        return (place, point.Value, series.Statistics.Points[index].Interval95,
            [.. point.Contributions.Select(c => c.Agency).Distinct().Order(StringComparer.Ordinal)]);
    }

    // Highest first for higher-is-better and for no judgement (as comparator-group ranks count), lowest first for
    // lower-is-better; ties and places without a value by name.
    private static List<ComparedPlace> BestFirst(IReadOnlyList<ComparedPlace> places, Polarity polarity)
    {
        var withValue = places.Where(p => p.Value is not null);
        var ordered = polarity == Polarity.LowerIsBetter
            ? withValue.OrderBy(p => p.Value)
            : withValue.OrderByDescending(p => p.Value);
        return [.. ordered.ThenBy(p => p.Place.Name, StringComparer.Ordinal),
            .. places.Where(p => p.Value is null).OrderBy(p => p.Place.Name, StringComparer.Ordinal)];
    }
}
