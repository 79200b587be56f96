namespace Scrutiny.Grains.Statistics.Trends;

// Made snake_case by CatalogueNames.Name (increasing_and_getting_better, …, cannot_be_calculated): Fingertips' own
// trend marker wording.

/// <summary>Fingertips' recent trend marker: the direction of a significant trend, and whether it is good.</summary>
[GenerateSerializer]
public enum RecentTrend
{
    IncreasingAndGettingBetter,
    IncreasingAndGettingWorse,
    DecreasingAndGettingBetter,
    DecreasingAndGettingWorse,

    /// <summary>Significantly increasing, for an indicator where neither direction is better.</summary>
    Increasing,

    /// <summary>Significantly decreasing, for an indicator where neither direction is better.</summary>
    Decreasing,

    NoSignificantChange,
    CannotBeCalculated,
}
