using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.Trends;

namespace Scrutiny.Silo.Scorecards;

// Made snake_case by CatalogueNames.Name (theme, title, worst): the values of the scorecard's sort parameter.

/// <summary>How a scorecard's rows are ordered.</summary>
public enum ScorecardSort
{
    /// <summary>By theme, then title: the catalogue's order, shown as one table per theme.</summary>
    Theme,

    /// <summary>By title alone.</summary>
    Title,

    /// <summary>What a panel should look at first: see <see cref="ScorecardOrder.WorstFirst"/>.</summary>
    Worst,
}

public static class ScorecardOrder
{
    public static IEnumerable<ScorecardRow> Apply(IEnumerable<ScorecardRow> rows, ScorecardSort sort) => sort switch
    {
        ScorecardSort.Title => rows.OrderBy(r => r.Indicator.Title, StringComparer.Ordinal),
        ScorecardSort.Worst => WorstFirst(rows),
        _ => rows.OrderBy(r => r.Indicator.Theme, StringComparer.Ordinal).ThenBy(r => r.Indicator.Title, StringComparer.Ordinal),
    };

    /// <summary>
    /// Indicators with a value first; among them, of concern before unusual, before no significant change, before
    /// no icon yet, before improving; then worse than England first and better last, the same against the parent,
    /// then a recent trend getting worse first; then by title.
    /// </summary>
    public static IEnumerable<ScorecardRow> WorstFirst(IEnumerable<ScorecardRow> rows) => rows
        .OrderBy(r => r.Latest is null ? 1 : 0)
        .ThenBy(r => r.Variation switch
        {
            VariationGroup.Concern => 0,
            VariationGroup.Unusual => 1,
            VariationGroup.NoSignificantChange => 2,
            null => 3,
            _ => 4,
        })
        .ThenBy(r => Rank(r.England?.Outcome))
        .ThenBy(r => Rank(r.Parent?.Outcome))
        .ThenBy(r => r.Latest?.RecentTrend switch
        {
            RecentTrend.IncreasingAndGettingWorse or RecentTrend.DecreasingAndGettingWorse => 0,
            RecentTrend.IncreasingAndGettingBetter or RecentTrend.DecreasingAndGettingBetter => 2,
            _ => 1,
        })
        .ThenBy(r => r.Indicator.Title, StringComparer.Ordinal);

    private static int Rank(BenchmarkOutcome? outcome) => outcome switch
    {
        BenchmarkOutcome.Worse => 0,
        BenchmarkOutcome.Better => 2,
        _ => 1,
    };
}
