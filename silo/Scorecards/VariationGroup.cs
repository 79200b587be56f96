using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Silo.Scorecards;

// Made snake_case by CatalogueNames.Name (improving, concern, no_significant_change, unusual): the query parameter
// values of the scorecard's filter and its CSV column.

/// <summary>
/// What a scrutiny panel asks of an indicator's SPC variation icon: is it improving, of concern, or doing nothing
/// unusual? The home page's counts and the scorecard's filter both use these.
/// </summary>
public enum VariationGroup
{
    /// <summary>Special cause in the better direction (<c>improvement_high</c>, <c>improvement_low</c>).</summary>
    Improving,

    /// <summary>Special cause in the worse direction (<c>concern_high</c>, <c>concern_low</c>).</summary>
    Concern,

    /// <summary>Common cause: nothing but the usual variation.</summary>
    NoSignificantChange,

    /// <summary>
    /// Special cause for an indicator where neither direction is better (<c>neutral_high</c>, <c>neutral_low</c>).
    /// Counted on its own: it is no judgement, so neither improving nor of concern, but calling it "no significant
    /// change" would hide a real signal.
    /// </summary>
    Unusual,
}

public static class VariationGroups
{
    /// <summary>The group of a variation icon; null when there is no icon (too few points for SPC).</summary>
    public static VariationGroup? Of(VariationIcon? icon) => icon switch
    {
        VariationIcon.ImprovementHigh or VariationIcon.ImprovementLow => VariationGroup.Improving,
        VariationIcon.ConcernHigh or VariationIcon.ConcernLow => VariationGroup.Concern,
        VariationIcon.NeutralHigh or VariationIcon.NeutralLow => VariationGroup.Unusual,
        VariationIcon.CommonCause => VariationGroup.NoSignificantChange,
        _ => null,
    };
}
