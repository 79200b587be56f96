using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Api.Indicators;

namespace Scrutiny.Silo.Api.Places;

/// <summary>An indicator of a place and its latest value there, if it has one.</summary>
public sealed record PlaceIndicatorResource(IndicatorResource Indicator, LatestValue? Latest);

/// <summary>The latest period of an indicator in a place, its combined value and when it last changed.</summary>
public sealed record LatestValue(string Period, double? Value, double Numerator, double? Denominator, DateTimeOffset UpdatedAt)
{
    public static LatestValue From(IndicatorLatest latest) =>
        new(latest.Period, latest.Value, latest.Numerator, latest.Denominator, latest.UpdatedAt);
}
