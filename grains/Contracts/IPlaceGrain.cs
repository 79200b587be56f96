using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Spc;
using Scrutiny.Grains.Statistics.Trends;

namespace Scrutiny.Grains.Contracts;

/// <summary>A place, keyed by its GSS code: the latest value of each of its indicators.</summary>
[Alias("place")]
public interface IPlaceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Told when indicators' latest periods or values change: by an indicator grain of its own change, or once for all
    /// of a batch's indicators in this place (one write of the place, not one an indicator).
    /// </summary>
    [Alias("indicators-changed")]
    Task OnIndicatorsChangedAsync(IReadOnlyList<IndicatorNews> news);

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

/// <summary>
/// What a place hears of one of its indicators: the latest, and whether its period is public yet, which decides who
/// hears of the change.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorNews(IndicatorLatest Latest, bool Published);

[GenerateSerializer, Immutable]
public sealed record PlaceSummary(Place Place, IReadOnlyList<IndicatorLatest> Latest);
