using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Grains;

/// <summary>
/// Each period's current contribution from each agency (the combined values are derived from these), and what the
/// place has set for the indicator's statistics.
/// </summary>
public sealed class IndicatorState : RecordedState
{
    public Dictionary<string, Dictionary<string, Contribution>> Periods { get; set; } = [];

    public TargetSetting? Target { get; set; }

    public List<RebaseSetting> Rebases { get; set; } = [];
}
