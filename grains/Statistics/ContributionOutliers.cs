using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Statistics;

/// <summary>
/// Whether an agency's value for a period stands far from that agency's own recent values for the same place and
/// indicator. One rule for the import summary and the indicator page.
/// </summary>
public static class ContributionOutliers
{
    /// <summary>How many of the agency's most recent earlier values a value is judged against.</summary>
    public const int History = 12;

    /// <summary>The modified z-score of <paramref name="value"/> when it is an outlier, otherwise null.</summary>
    public static double? Score(IndicatorSeries series, string agency, string period, double value) =>
        Score(series.Indicator, series.Points, agency, period, value);

    /// <summary>The same, from the combined points alone: the rule reads no statistics.</summary>
    public static double? Score(IndicatorDefinition indicator, IReadOnlyList<SeriesPoint> points, string agency, string period, double value)
    {
        var at = Period.Parse(period);
        var history = points
            .Where(p => Period.Parse(p.Period).CompareTo(at) < 0)
            .SelectMany(p => p.Contributions.Where(c => c.Agency == agency))
            .Select(c => indicator.ValueOf(c.Numerator, c.Denominator))
            .OfType<double>()
            .TakeLast(History)
            .ToList();
        return ModifiedZScore.Of(value, history) is { } z && Math.Abs(z) > ModifiedZScore.OutlierThreshold ? z : null;
    }
}
