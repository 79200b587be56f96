using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Grains;

/// <summary>The latest value of each of a place's indicators, by indicator code.</summary>
public sealed class PlaceState : RecordedState
{
    public Dictionary<string, IndicatorLatest> Latest { get; set; } = [];
}
