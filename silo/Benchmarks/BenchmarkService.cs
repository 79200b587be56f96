using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Grains;
using Scrutiny.Grains.Storage;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Benchmarks;

/// <summary>
/// Compares a place with others for one period. Lives outside the grains because it reads many places' grains:
/// an indicator grain that waited on its neighbours while they waited on it would deadlock. Every place is read
/// through the caller's <see cref="VisibleOutcomes"/>, so that no comparison shows a value its reader may not see.
/// </summary>
public sealed class BenchmarkService(ICatalogueReader catalogue)
{
    /// <summary>
    /// The benchmarks of <paramref name="period"/>, or of the place's latest period when none is given. Null when
    /// the place or indicator is not in the catalogue.
    /// </summary>
    public async Task<IndicatorBenchmarks?> ForAsync(VisibleOutcomes outcomes, string placeCode, string indicatorCode, string? period,
        CancellationToken cancellationToken = default)
    {
        var indicator = await catalogue.FindIndicatorAsync(indicatorCode, cancellationToken);
        var place = await catalogue.FindPlaceAsync(placeCode, cancellationToken);
        if (indicator is null || place is null) return null;

        period ??= (await outcomes.SeriesAsync(placeCode, indicatorCode)).Points.LastOrDefault()?.Period;
        if (period is null) return new IndicatorBenchmarks(placeCode, indicatorCode, null, null, null, null, null, [], null);

        var places = await catalogue.PlaceHierarchyAsync(cancellationToken);
        var (own, parent, england) = await CompareWithParentAndEnglandAsync(outcomes, place, indicator, period, places);
        var groups = await catalogue.ListComparatorGroupsAsync(placeCode, cancellationToken);

        return new IndicatorBenchmarks(placeCode, indicatorCode, period, own.Value, own.Interval95, parent, england,
            [.. await Task.WhenAll(groups.Select(g => GroupAsync(outcomes, g, own, places.ByCode, indicator, period)))],
            await SameTypeAsync(outcomes, place, own, places.All, indicator, period));
    }

    /// <summary>
    /// The place against its parent and England only, for one period: a few grains read, no groups or quintiles,
    /// so that a scorecard can ask it for every indicator. The same comparison as <see cref="ForAsync"/> makes.
    /// <paramref name="places"/> is the catalogue's (for the parent, England and a parent's places).
    /// </summary>
    public async Task<ParentAndEngland> CompareWithParentAndEnglandAsync(VisibleOutcomes outcomes, Place place, IndicatorDefinition indicator, string period,
        PlaceHierarchy places)
    {
        var own = await ValueOfAsync(outcomes, place, indicator, period);
        return new ParentAndEngland(own,
            place.ParentCode is { } parent && parent != Place.EnglandCode && places.ByCode.TryGetValue(parent, out var p)
                ? await CompareAsync(outcomes, own, p, places, indicator, period) : null,
            place.Code != Place.EnglandCode && places.ByCode.TryGetValue(Place.EnglandCode, out var england)
                ? await CompareAsync(outcomes, own, england, places, indicator, period) : null);
    }

    /// <summary>
    /// The place against the mean of its first comparator group (by name) for one period, as <see cref="Benchmark.Compare(IndicatorDefinition, double?, ConfidenceInterval?, double?)"/>
    /// compares it with England: the group's mean (<see cref="GroupSummary.Mean"/>, shown on the indicator page) outside
    /// the place's 95% interval. Null when the place has no group or no other member has a value for the period.
    /// </summary>
    public async Task<ComparatorBenchmark?> CompareWithSimilarAreasAsync(VisibleOutcomes outcomes, Place place, IndicatorDefinition indicator,
        string period, MemberValue own, PlaceHierarchy places, CancellationToken cancellationToken = default)
    {
        if ((await catalogue.ListComparatorGroupsAsync(place.Code, cancellationToken)).FirstOrDefault() is not { } group) return null;
        var benchmark = await GroupAsync(outcomes, group, own, places.ByCode, indicator, period);
        if (benchmark.Summary is not { } summary || !benchmark.Members.Any(m => m.Place != place.Code && m.Value is not null)) return null;
        return new ComparatorBenchmark(group.Id, group.Name, summary.Mean, Benchmark.Compare(indicator, own.Value, own.Interval95, summary.Mean), null);
    }

    private async Task<ComparatorBenchmark> CompareAsync(VisibleOutcomes outcomes, MemberValue own, Place comparator, PlaceHierarchy places,
        IndicatorDefinition indicator, string period)
    {
        var other = await ComparatorValueAsync(outcomes, comparator, places, indicator, period);
        return new ComparatorBenchmark(comparator.Code, comparator.Name, other.Value,
            Benchmark.Compare(indicator, own.Value, own.Interval95, other.Value), other.AggregatedFrom);
    }

    /// <summary>
    /// A comparator's value for the period (England's, a region's): its own, or else made from its places' when every
    /// one of them has a value. Public so that comparisons across many places use the same comparator as a place's
    /// own benchmarks.
    /// </summary>
    public async Task<MemberValue> ComparatorValueAsync(VisibleOutcomes outcomes, Place comparator, PlaceHierarchy places,
        IndicatorDefinition indicator, string period)
    {
        var own = await ValueOfAsync(outcomes, comparator, indicator, period);
        return own.Value is null ? await AggregateAsync(outcomes, comparator, places, indicator, period) ?? own : own;
    }

    /// <summary>
    /// A comparator's value made from its places' (Greater Manchester's from its ten boroughs), as Fingertips makes
    /// a region's from its authorities: numerators and denominators summed, only when every place has a value,
    /// because a total of some places passed off as the whole would mislead. None for a single-source indicator,
    /// whose values do not add up.
    /// </summary>
    private static async Task<MemberValue?> AggregateAsync(VisibleOutcomes outcomes, Place comparator, PlaceHierarchy places,
        IndicatorDefinition indicator, string period)
    {
        if (indicator.Combine == CombineMethod.SingleSource) return null;
        var children = places.ChildrenOf(comparator.Code);
        if (children.Codes.Count == 0) return null;
        // Every scorecard of the region's places makes the same sum: kept, for readers of published values, until one of
        // its points may have moved. Keyed by the places summed, so that a place moved in the catalogue makes a new sum.
        var sum = await outcomes.MadeFromAsync(children, indicator.Code, $"sum {period} {children.Key}",
            () => SumAsync(outcomes, children.Codes, indicator.Code, period));
        return sum is null ? null : new MemberValue(comparator.Code, comparator.Name, indicator.ValueOf(sum.Numerator, sum.Denominator),
            IndicatorInterval.For(indicator, sum.Numerator, sum.Denominator, ConfidenceLevel.NinetyFive), children.Codes.Count);
    }

    /// <summary>The places' numerators and denominators summed; null unless every place has a value.</summary>
    private static async Task<PointSum?> SumAsync(VisibleOutcomes outcomes, IReadOnlyList<string> placeCodes, string indicatorCode, string period)
    {
        var points = await Task.WhenAll(placeCodes.Select(code => outcomes.PointAsync(code, indicatorCode, period)));
        if (points.Any(p => p is null)) return null;
        var (numerator, denominator) = Combiner.Sum(points, static p => p!.Numerator, static p => p!.Denominator);
        return new PointSum(numerator, denominator);
    }

    private sealed record PointSum(double Numerator, double? Denominator);

    // The group is summarised with the place in it, as Fingertips ranks an area among its neighbours.
    private async Task<GroupBenchmark> GroupAsync(VisibleOutcomes outcomes, ComparatorGroupDefinition group, MemberValue own,
        IReadOnlyDictionary<string, Place> places, IndicatorDefinition indicator, string period)
    {
        var members = await Task.WhenAll(group.Members.Where(places.ContainsKey)
            .Select(code => ValueOfAsync(outcomes, places[code], indicator, period)));
        var valued = members.Prepend(own).Where(m => m.Value is not null).Select(m => (m.Place, m.Value!.Value)).ToList();
        return new GroupBenchmark(group.Id, group.Name, ComparatorGroup.Summarise(own.Place, valued, indicator.Polarity),
            [.. members.OrderBy(m => m.Name, StringComparer.Ordinal)]);
    }

    private async Task<TypeBenchmark?> SameTypeAsync(VisibleOutcomes outcomes, Place place, MemberValue own, IEnumerable<Place> all,
        IndicatorDefinition indicator, string period)
    {
        if (own.Value is not { } value) return null;
        var values = (await Task.WhenAll(all.Where(p => p.Type == place.Type)
                .Select(p => ValueOfAsync(outcomes, p, indicator, period))))
            .Where(m => m.Value is not null).Select(m => m.Value!.Value).ToList();
        return new TypeBenchmark(place.Type, Quintiles.Of(value, values, indicator.Polarity), values.Count);
    }

    private async Task<MemberValue> ValueOfAsync(VisibleOutcomes outcomes, Place place, IndicatorDefinition indicator, string period)
    {
        var point = await outcomes.PointAsync(place.Code, indicator.Code, period);
        return new MemberValue(place.Code, place.Name, point?.Value,
            point is null ? null : IndicatorInterval.For(indicator, point.Numerator, point.Denominator, ConfidenceLevel.NinetyFive));
    }

}
