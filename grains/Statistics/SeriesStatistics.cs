using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;
using Scrutiny.Grains.Statistics.Forecasting;
using Scrutiny.Grains.Statistics.Spc;
using Scrutiny.Grains.Statistics.Trends;

namespace Scrutiny.Grains.Statistics;

/// <summary>One period's statistics: its place on the SPC chart (none when the period has no value) and its intervals.</summary>
[GenerateSerializer, Immutable]
public sealed record PointStatistics(string Period, XmrPoint? Spc, ConfidenceInterval? Interval95, ConfidenceInterval? Interval998);

/// <summary>Where the indicator goes if nothing changes, for one future period.</summary>
[GenerateSerializer, Immutable]
public sealed record ForecastPeriod(string Period, double Value, double Lower, double Upper);

/// <summary>
/// Everything the statistics say about an indicator's series in a place. Computed in one place, here, from the
/// series and the place's settings, so that the page, the API and the CSV export cannot disagree.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SeriesStatistics(
    IReadOnlyList<PointStatistics> Points, VariationIcon? VariationIcon, AssuranceIcon? AssuranceIcon, double? Target,
    RecentTrendResult RecentTrend, IReadOnlyList<ForecastPeriod> Forecast)
{
    public static SeriesStatistics Of(IndicatorDefinition indicator, IReadOnlyList<SeriesPoint> points, IndicatorSettings settings)
    {
        var (valued, values, rebaseAt) = Valued(points, settings);
        var chart = XmrChart.Of(values, ChartOptions(indicator, settings, rebaseAt));
        var trend = Trend(indicator, valued);
        var spcByPeriod = valued.Select((p, i) => (p.Period, chart.Points[i])).ToDictionary(x => x.Period, x => x.Item2, StringComparer.Ordinal);
        var pointStatistics = points.Select(p => new PointStatistics(p.Period, spcByPeriod.GetValueOrDefault(p.Period),
            IndicatorInterval.For(indicator, p.Numerator, p.Denominator, ConfidenceLevel.NinetyFive),
            IndicatorInterval.For(indicator, p.Numerator, p.Denominator, ConfidenceLevel.NinetyNinePointEight))).ToList();
        return new SeriesStatistics(pointStatistics, chart.VariationIcon, chart.AssuranceIcon, settings.EffectiveTarget, trend,
            Baseline(indicator, valued, values, rebaseAt));
    }

    /// <summary>
    /// The icons and the recent trend alone, as <see cref="Of"/> computes them: what a place's scorecard row shows,
    /// without each point's intervals, the chart's points or the forecast, for telling the place after every batch.
    /// </summary>
    public static (VariationIcon? Variation, AssuranceIcon? Assurance, RecentTrend Trend) SignalsOf(
        IndicatorDefinition indicator, IReadOnlyList<SeriesPoint> points, IndicatorSettings settings)
    {
        var (valued, values, rebaseAt) = Valued(points, settings);
        var (variation, assurance) = XmrChart.IconsOf(values, ChartOptions(indicator, settings, rebaseAt));
        return (variation, assurance, Trend(indicator, valued).Trend);
    }

    // Periods without a value (a rate whose denominator is 0) have no place on the chart or in the trend.
    private static (List<SeriesPoint> Valued, List<double> Values, List<int> RebaseAt) Valued(IReadOnlyList<SeriesPoint> points, IndicatorSettings settings)
    {
        var (valued, values) = (new List<SeriesPoint>(points.Count), new List<double>(points.Count));
        for (var i = 0; i < points.Count; i++)
            if (points[i].Value is { } value)
            {
                valued.Add(points[i]);
                values.Add(value);
            }
        return (valued, values, settings.Rebases.Count == 0 ? [] : RebaseIndices(valued, settings.Rebases));
    }

    private static XmrOptions ChartOptions(IndicatorDefinition indicator, IndicatorSettings settings, List<int> rebaseAt) =>
        new(indicator.Polarity, settings.EffectiveTarget, RebaseAt: rebaseAt);

    private static RecentTrendResult Trend(IndicatorDefinition indicator, List<SeriesPoint> valued)
    {
        // The recent trend reads the last few periods alone, so only those are handed over: this runs for every grain
        // of every batch, and a series may be 240 months long.
        var from = Math.Max(0, valued.Count - RecentTrends.Periods);
        var pairs = new (double Numerator, double? Denominator)[valued.Count - from];
        for (var i = 0; i < pairs.Length; i++) pairs[i] = (valued[from + i].Numerator, valued[from + i].Denominator);
        return RecentTrends.Of(indicator, pairs);
    }

    /// <summary>How far ahead the baseline looks: a year, in the indicator's own periods.</summary>
    public static int ForecastHorizon(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => 12,
        Frequency.Quarterly => 4,
        _ => 2,
    };

    // A rebase at a period with no value starts the new limits at the next period that has one.
    private static List<int> RebaseIndices(List<SeriesPoint> valued, IReadOnlyList<RebaseSetting> rebases) =>
        [.. rebases.Select(r => Period.Parse(r.Period))
            .Select(r => valued.FindIndex(p => Period.Parse(p.Period).CompareTo(r) >= 0))
            .Where(i => i > 0).Distinct().Order()];

    private static List<ForecastPeriod> Baseline(IndicatorDefinition indicator, List<SeriesPoint> valued, List<double> values, List<int> rebaseAt)
    {
        if (valued.Count == 0) return [];
        // After a rebase the process is a new one: project from it alone once it has enough history of its own.
        var since = rebaseAt.Count > 0 && values.Count - rebaseAt[^1] >= BaselineForecast.MinimumPoints ? rebaseAt[^1] : 0;
        var last = Period.Parse(valued[^1].Period);
        return [.. BaselineForecast.Of(values[since..], ForecastHorizon(indicator.Frequency))
            .Select(f => new ForecastPeriod(last.Next(f.StepsAhead).ToString(), f.Value, f.Lower, f.Upper))];
    }
}
