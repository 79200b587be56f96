using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Grains;

/// <summary>Each period's current contribution from each agency; the combined values are derived from these.</summary>
public sealed class IndicatorState
{
    public Dictionary<string, Dictionary<string, Contribution>> Periods { get; set; } = [];
}
