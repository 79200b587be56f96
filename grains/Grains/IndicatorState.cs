using System.Text.Json.Serialization;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Grains;

/// <summary>
/// Each period's current contribution from each agency (the combined values are derived from these), and what the
/// place has set for the indicator's statistics.
/// </summary>
public sealed class IndicatorState : RecordedState
{
    /// <summary>
    /// Each agency's newest revision of each period: the ledger's newest rows, read back by the storage with the rest.
    /// Not written with the state: a return appends its ledger rows and rewrites only the settings, not every period of
    /// the history (a 60-month series from 3 agencies was a 27 KB document rewritten for each value). Each period's
    /// contributions in agency order (<see cref="PeriodContributions"/>).
    /// </summary>
    [JsonIgnore]
    public Dictionary<string, Contribution[]> Periods { get; set; } = [];

    public TargetSetting? Target { get; set; }

    public List<RebaseSetting> Rebases { get; set; } = [];
}
