using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Scorecards;

/// <summary>
/// A place's scorecard: each indicator's latest value and icons from the place grain (one grain, already holding
/// them), its benchmarks against the parent and England, and the completeness of its latest period. Outside the
/// grains for the same reason as <see cref="BenchmarkService"/>: it reads other places' grains.
/// </summary>
public sealed class PlaceScorecard(
    ICatalogueReader catalogue, BenchmarkService benchmarks, Completeness completeness, TimeProvider time)
{
    /// <summary>The scorecard of a place as <paramref name="outcomes"/>' reader may see it; null when the place is not in the catalogue.</summary>
    public async Task<Scorecard?> ForAsync(VisibleOutcomes outcomes, string placeCode, CancellationToken cancellationToken = default)
    {
        var places = await catalogue.PlaceHierarchyAsync(cancellationToken);
        // Ask the catalogue first: the place grain refuses to activate for a code it does not know.
        if (!places.ByCode.TryGetValue(placeCode, out var place)) return null;
        var indicators = await catalogue.ListIndicatorsAsync(cancellationToken);
        var summary = await outcomes.SummaryAsync(placeCode);
        var latest = summary.Latest.ToDictionary(l => l.Indicator, StringComparer.Ordinal);
        var today = time.Today();

        // With no value yet, the last ended period is the one a panel would chase agencies for.
        var periods = indicators.ToDictionary(i => i.Code,
            i => latest.TryGetValue(i.Code, out var l) && Period.TryParse(l.Period, i.Frequency, out var p)
                ? p.Value : RecentPeriods.EndedBy(today, i.Frequency, 1)[0],
            StringComparer.Ordinal);
        var completenessOf = await completeness.ForPeriodsAsync(placeCode, periods, cancellationToken);

        var rows = await Task.WhenAll(indicators.Select(async indicator =>
        {
            var l = latest.GetValueOrDefault(indicator.Code);
            var compared = l is null ? null : await benchmarks.CompareWithParentAndEnglandAsync(outcomes, place, indicator, l.Period, places);
            var period = periods[indicator.Code].ToString();
            return new ScorecardRow(indicator, l, compared?.Own.Interval95, compared?.Parent, compared?.England,
                completenessOf.TryGetValue(indicator.Code, out var c) ? ScorecardCompleteness.From(period, c) : null);
        }));

        return new Scorecard(place, place.ParentCode is { } parent ? places.ByCode.GetValueOrDefault(parent) : null, today,
            [.. rows.OrderBy(r => r.Indicator.Theme, StringComparer.Ordinal).ThenBy(r => r.Indicator.Title, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The home page's counts for a place in the catalogue: its latest icons only, no other reads.
    /// </summary>
    public async Task<VariationCounts> CountsAsync(VisibleOutcomes outcomes, string placeCode) =>
        VariationCounts.Of((await outcomes.SummaryAsync(placeCode)).Latest);
}
