using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Grains;

/// <summary>The latest value of each of a place's indicators, by indicator code.</summary>
public sealed class PlaceState
{
    public Dictionary<string, IndicatorLatest> Latest { get; set; } = [];
}
