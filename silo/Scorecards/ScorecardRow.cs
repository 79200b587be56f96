using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;
using Scrutiny.Silo.Benchmarks;

namespace Scrutiny.Silo.Scorecards;

/// <summary>
/// One indicator of the catalogue in a place: its latest value and icons (null <see cref="Latest"/> when no agency
/// has returned it), the benchmarks of that period against the parent and England (null where there is no
/// comparator or no value), and the completeness of that period, or of the last ended period when there is no value
/// yet (null when no agency owes it for the place).
/// </summary>
public sealed record ScorecardRow(
    IndicatorDefinition Indicator, IndicatorLatest? Latest, ConfidenceInterval? Interval95,
    ComparatorBenchmark? Parent, ComparatorBenchmark? England, ScorecardCompleteness? Completeness)
{
    public VariationGroup? Variation => VariationGroups.Of(Latest?.VariationIcon);
}
