using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Scorecards;

/// <summary>
/// How many of a place's indicators are improving, of concern, showing no significant change, or unusual with no
/// judgement (see <see cref="VariationGroup"/>), from the place grain's latest icons alone: cheap enough for every
/// place on the home page. <see cref="Indicators"/> counts every indicator with a value; one with too few points
/// for an icon is in none of the four.
/// </summary>
public sealed record VariationCounts(int Indicators, int Improving, int Concern, int NoSignificantChange, int Unusual)
{
    public static VariationCounts Of(IReadOnlyCollection<IndicatorLatest> latest)
    {
        var groups = latest.Select(l => VariationGroups.Of(l.VariationIcon)).ToList();
        int Count(VariationGroup group) => groups.Count(g => g == group);
        return new VariationCounts(latest.Count, Count(VariationGroup.Improving), Count(VariationGroup.Concern),
            Count(VariationGroup.NoSignificantChange), Count(VariationGroup.Unusual));
    }
}
