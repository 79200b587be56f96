using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Spc;
using Scrutiny.Grains.Statistics.Trends;

namespace Scrutiny.Grains.Contracts;

/// <summary>A place, keyed by its GSS code: the latest value of each of its indicators.</summary>
[Alias("place")]
public interface IPlaceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Called by an indicator grain when the indicator's latest period or value changes; <paramref name="published"/>
    /// says whether that period is public yet, which decides who hears of the change.
    /// </summary>
    [Alias("indicator-changed")]
    Task OnIndicatorChangedAsync(IndicatorLatest latest, bool published);

    /// <summary>
    /// The latest of every indicator, published or not (<see cref="DataView.All"/>). The published view is put
    /// together outside the grain from each indicator grain (<c>PlaceSummaries</c>): asking them from in here could
    /// wait on an indicator grain that is itself waiting to tell this grain of a change.
    /// </summary>
    [Alias("summary")]
    Task<PlaceSummary> GetSummaryAsync();
}

/// <summary>
/// The latest period of an indicator in a place, its combined value and what the statistics say of the series:
/// enough for a scorecard row without asking the indicator grain.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorLatest(
    string Indicator, string Period, double? Value, double Numerator, double? Denominator, DateTimeOffset UpdatedAt,
    VariationIcon? VariationIcon = null, AssuranceIcon? AssuranceIcon = null, RecentTrend? RecentTrend = null);

[GenerateSerializer, Immutable]
public sealed record PlaceSummary(Place Place, IReadOnlyList<IndicatorLatest> Latest);
