using System.Runtime.InteropServices;
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
    public static double? Score(IndicatorDefinition indicator, IReadOnlyList<SeriesPoint> points, string agency, string period, double value) =>
        Score(indicator, points, agency, [(Period.Parse(period), value)])[0];

    /// <summary>
    /// The same rule for many values of one agency at once (a batch's rows for one grain): the agency's earlier values
    /// and their periods are read from <paramref name="points"/> (oldest first) once, not once for each value judged.
    /// </summary>
    public static double?[] Score(IndicatorDefinition indicator, IReadOnlyList<SeriesPoint> points, string agency, IReadOnlyList<(Period Period, double Value)> values)
    {
        var scores = new double?[values.Count];
        if (values.Count == 0) return scores;
        // A value is judged against earlier values only, so the points from the latest value judged on are not read: a
        // batch of back-filled history, older than every point held, reads none.
        var latest = values[0].Period;
        for (var i = 1; i < values.Count; i++)
            if (values[i].Period.CompareTo(latest) > 0) latest = values[i].Period;
        // By index, not foreach: over these interfaces foreach allocates an enumerator a point, for every grain of every batch.
        var periods = new List<Period>();
        var history = new List<double>();
        for (var p = 0; p < points.Count; p++)
        {
            var period = Period.Parse(points[p].Period);
            if (period.CompareTo(latest) >= 0) break;
            var contributions = points[p].Contributions;
            for (var k = 0; k < contributions.Count; k++)
                if (contributions[k] is var c && c.Agency == agency && indicator.ValueOf(c.Numerator, c.Denominator) is { } v)
                {
                    periods.Add(period);
                    history.Add(v);
                }
        }
        if (history.Count < ModifiedZScore.MinimumHistory) return scores;

        var earlier = CollectionsMarshal.AsSpan(history);
        for (var i = 0; i < values.Count; i++)
        {
            var before = EarlierCount(periods, values[i].Period);
            var window = earlier.Slice(Math.Max(0, before - History), Math.Min(before, History));
            scores[i] = ModifiedZScore.Of(values[i].Value, window) is { } z && Math.Abs(z) > ModifiedZScore.OutlierThreshold ? z : null;
        }
        return scores;
    }

    /// <summary>How many of <paramref name="periods"/> (in order) come before <paramref name="at"/>.</summary>
    private static int EarlierCount(List<Period> periods, Period at)
    {
        var (low, high) = (0, periods.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (periods[middle].CompareTo(at) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>
    /// Every contribution of the series that is an outlier against its agency's earlier values, by period and agency: the
    /// same rule as <see cref="Score(IndicatorSeries, string, string, double)"/>, in one pass over the points (oldest
    /// first) instead of one pass for each contribution. The indicator page judges every contribution it lists: for 240
    /// months from 3 agencies that was 720 passes over 240 points, each parsing every period again.
    /// </summary>
    public static IReadOnlyDictionary<(string Period, string Agency), double> ScoreAll(IndicatorSeries series)
    {
        var outliers = new Dictionary<(string, string), double>();
        var earlier = new Dictionary<string, Queue<double>>(StringComparer.Ordinal);
        foreach (var point in series.Points)
        {
            var values = point.Contributions
                .Select(c => (c.Agency, Value: series.Indicator.ValueOf(c.Numerator, c.Denominator)))
                .ToList();
            foreach (var (agency, value) in values)
                if (value is { } v && earlier.TryGetValue(agency, out var history) &&
                    ModifiedZScore.Of(v, history) is { } z && Math.Abs(z) > ModifiedZScore.OutlierThreshold)
                    outliers[(point.Period, agency)] = z;
            // Only after the whole period is judged: a value is compared with earlier periods, not with its own.
            foreach (var (agency, value) in values)
            {
                if (value is not { } v) continue;
                if (!earlier.TryGetValue(agency, out var history)) earlier[agency] = history = new Queue<double>(History + 1);
                history.Enqueue(v);
                if (history.Count > History) history.Dequeue();
            }
        }
        return outliers;
    }
}
