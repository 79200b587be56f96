using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Boards;

/// <summary>Which way a commitment wants its indicator to go.</summary>
[GenerateSerializer]
public enum WantedDirection
{
    None,
    Up,
    Down,
}

/// <summary>
/// What one of a commitment's linked indicators says, as the status derivation reads it: its latest SPC point type,
/// which way the commitment wants it to go, the assurance against the target, and whether the target is met.
/// </summary>
/// <param name="LatestPointType">Null while the indicator has no value in the place.</param>
/// <param name="Assurance">Against the commitment's target where it has one, else the place's; null without either.</param>
/// <param name="TargetMet">Null when the commitment sets this indicator no target; false while it has no value.</param>
[GenerateSerializer, Immutable]
public sealed record IndicatorReading(
    string Indicator, WantedDirection Wanted, PointType? LatestPointType, AssuranceIcon? Assurance, bool? TargetMet)
{
    /// <summary>
    /// Whether the latest point is a special cause on the wrong side: a concern, or (with no judgement of its own) a
    /// neutral high or low away from where the commitment wants it to go.
    /// </summary>
    public bool MovingAway => LatestPointType switch
    {
        PointType.SpecialCauseConcern => true,
        PointType.SpecialCauseNeutralHigh => Wanted == WantedDirection.Down,
        PointType.SpecialCauseNeutralLow => Wanted == WantedDirection.Up,
        _ => false,
    };
}
