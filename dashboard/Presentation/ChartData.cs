using System.Text.Json;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>
/// The JSON a chart figure carries for charts.js (<c>&lt;script type="application/json" data-chart-data&gt;</c>),
/// one record per chart kind. Names and values are the API's (camelCase properties, snake_case verdicts), and the
/// numbers are the ones the figure's table shows, so that chart and table cannot disagree.
/// </summary>
public static class ChartData
{
    /// <summary>Web defaults (camelCase). Its encoder escapes &lt; and &gt;, so the JSON is safe inside a script element.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialise(object data) => JsonSerializer.Serialize(data, data.GetType(), Json);

    /// <summary>The SPC chart of a series: every period with a value (the others are not charted, as its table says).</summary>
    public static SpcChart Spc(IndicatorSeries series, ValueFormat format)
    {
        var points = series.Statistics.Points
            .Where(p => p.Spc is not null)
            .Select(p => new SpcChartPoint(p.Period, p.Spc!.Value, p.Spc.Mean, p.Spc.LowerProcessLimit, p.Spc.UpperProcessLimit,
                CatalogueNames.Name(p.Spc.PointType), CatalogueNames.Name(p.Spc.SpecialCause)))
            .ToList();
        return new SpcChart(series.Indicator.Title, format.Suffix, format.Decimals, points, series.Statistics.Target,
            RebasedPeriods(series.Settings.Rebases, points), series.Statistics.Forecast);
    }

    // A rebase at a period with no value starts the new limits at the next charted period: mark that one.
    private static List<string> RebasedPeriods(IReadOnlyList<RebaseSetting> rebases, List<SpcChartPoint> points) =>
        [.. rebases.Select(r => Period.Parse(r.Period))
            .Select(r => points.FirstOrDefault(p => Period.Parse(p.Period).CompareTo(r) >= 0)?.Period)
            .OfType<string>().Distinct()];
}

/// <summary><c>data-chart="spc"</c>: an XmR chart with its target, rebases and baseline forecast.</summary>
public sealed record SpcChart(
    string Title, string Suffix, int Decimals, IReadOnlyList<SpcChartPoint> Points, double? Target,
    IReadOnlyList<string> Rebases, IReadOnlyList<ForecastPeriod> Forecast);

/// <summary>One charted period; <see cref="PointType"/> and <see cref="SpecialCause"/> are the API's names.</summary>
public sealed record SpcChartPoint(
    string Period, double Value, double Mean, double LowerProcessLimit, double UpperProcessLimit, string PointType, string SpecialCause);

/// <summary><c>data-chart="bar-intervals"</c>: places in the server's order, each with its 95% interval.</summary>
public sealed record BarIntervalsChart(
    string Title, string Suffix, int Decimals, IReadOnlyList<BarIntervalItem> Items, ChartReference? Reference);

/// <summary>One bar. <see cref="Outcome"/> is a benchmark outcome's API name (<c>better</c>, <c>not_compared</c>), or null.</summary>
public sealed record BarIntervalItem(
    string Label, string Code, double? Value, double? Lower, double? Upper, bool Highlight, string? Outcome);

/// <summary>The labelled line the bars are read against (England, or the parent).</summary>
public sealed record ChartReference(string Label, double Value);

/// <summary><c>data-chart="flows"</c>: a case's sectors in the table's order, each with what it paid, gains and would fairly pay, in pence.</summary>
public sealed record FlowsChart(string Title, IReadOnlyList<FlowsChartSector> Sectors);

public sealed record FlowsChartSector(string Sector, long PaidPence, long GainsPence, long FairSharePence);
