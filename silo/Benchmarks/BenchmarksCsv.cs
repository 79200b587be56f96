using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Benchmarks;

/// <summary>
/// Benchmarks as CSV, one row per comparison (parent, England, each comparator group member, the quintile), each
/// row carrying the indicator's metadata and the period, so that a row pasted elsewhere still says what it is.
/// </summary>
public static class BenchmarksCsv
{
    public static void Write(SafeCsvWriter csv, IndicatorDefinition d, IndicatorBenchmarks b)
    {
        csv.Header("place", "indicator", "title", "unit", "polarity", "period", "value", "lower_95", "upper_95",
            "comparison", "comparator", "comparator_name", "comparator_value", "comparator_lower_95", "comparator_upper_95", "outcome", "comparator_aggregated_from",
            "group_mean", "group_minimum", "group_maximum", "rank", "ranked_of", "quintile", "quintile_band");
        void Row(string comparison, string? code, string? name, double? value, double? lower, double? upper, string? outcome,
            int? aggregatedFrom = null, Grains.Statistics.Benchmarks.GroupSummary? group = null, Grains.Statistics.Benchmarks.Quintile? quintile = null)
        {
            csv.Text(b.Place).Text(d.Code).Text(d.Title).Text(CatalogueNames.Name(d.Unit)).Text(CatalogueNames.Name(d.Polarity))
                .Text(b.Period).Number(b.Value).Number(b.Interval95?.Lower).Number(b.Interval95?.Upper)
                .Text(comparison).Text(code).Text(name).Number(value).Number(lower).Number(upper).Text(outcome).Number(aggregatedFrom)
                .Number(group?.Mean).Number(group?.Minimum).Number(group?.Maximum).Number(group?.Rank).Number(group?.RankedOf)
                .Number(quintile?.Number).Text(CatalogueNames.NameOrNull(quintile?.Band));
            csv.EndRow();
        }

        foreach (var (comparison, c) in new[] { ("parent", b.Parent), ("england", b.England) })
            if (c is not null) Row(comparison, c.Place, c.Name, c.Value, null, null, CatalogueNames.Name(c.Outcome), c.AggregatedFrom);
        foreach (var g in b.Groups)
            foreach (var m in g.Members)
                Row($"group:{g.Id}", m.Place, m.Name, m.Value, m.Interval95?.Lower, m.Interval95?.Upper, null, group: g.Summary);
        if (b.SameType is { } t) Row($"type:{t.PlaceType}", null, null, null, null, null, null, quintile: t.Quintile);
    }
}
