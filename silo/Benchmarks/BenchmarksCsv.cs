using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Benchmarks;

/// <summary>
/// Benchmarks as CSV, one row per comparison (parent, England, each comparator group member, the quintile), each
/// row carrying the indicator's metadata (polarity, combine method as <c>method</c>) and the period, so that a row
/// pasted elsewhere still says what it is. <c>source</c> says where the comparator's value comes from: its own
/// returns, made from its places' returns, or (the quintile) every place of the type.
/// </summary>
public static class BenchmarksCsv
{
    public const string OwnReturns = "returns";
    public const string PlacesReturns = "places_returns";
    public const string PlacesOfType = "places_of_type";

    private static string SourceOf(int? aggregatedFrom) => aggregatedFrom is null ? OwnReturns : PlacesReturns;

    public static TableAbout About(string place, IndicatorDefinition d, TableView view) => new("Benchmarks", $"{d.Title}: {place} against its benchmarks",
        "One row per comparison (the parent place, England, each comparator group member, the quintile of places of its type), " +
        "each saying whether the place is significantly better, worse or similar; source says where the comparator's value comes from.", view)
    { Facts = IndicatorFacts.Of(place, d) };

    public static void Write(IRowWriter csv, IndicatorDefinition d, IndicatorBenchmarks b)
    {
        csv.Header("place", "indicator", "title", "unit", "polarity", "method", "period", "value", "lower_95", "upper_95",
            "comparison", "comparator", "comparator_name", "comparator_value", "comparator_lower_95", "comparator_upper_95", "outcome", "comparator_aggregated_from", "source",
            "group_mean", "group_minimum", "group_maximum", "rank", "ranked_of", "quintile", "quintile_band");
        void Row(string comparison, string source, string? code, string? name, double? value, double? lower, double? upper, string? outcome,
            int? aggregatedFrom = null, Grains.Statistics.Benchmarks.GroupSummary? group = null, Grains.Statistics.Benchmarks.Quintile? quintile = null)
        {
            csv.Text(b.Place).Text(d.Code).Text(d.Title).Text(CatalogueNames.Name(d.Unit)).Text(CatalogueNames.Name(d.Polarity))
                .Text(CatalogueNames.Name(d.Combine)).Text(b.Period).Number(b.Value).Number(b.Interval95?.Lower).Number(b.Interval95?.Upper)
                .Text(comparison).Text(code).Text(name).Number(value).Number(lower).Number(upper).Text(outcome).Number(aggregatedFrom).Text(source)
                .Number(group?.Mean).Number(group?.Minimum).Number(group?.Maximum).Number(group?.Rank).Number(group?.RankedOf)
                .Number(quintile?.Number).Text(CatalogueNames.NameOrNull(quintile?.Band));
            csv.EndRow();
        }

        foreach (var (comparison, c) in new[] { ("parent", b.Parent), ("england", b.England) })
            if (c is not null) Row(comparison, SourceOf(c.AggregatedFrom), c.Place, c.Name, c.Value, null, null, CatalogueNames.Name(c.Outcome), c.AggregatedFrom);
        foreach (var g in b.Groups)
            foreach (var m in g.Members)
                Row($"group:{g.Id}", SourceOf(m.AggregatedFrom), m.Place, m.Name, m.Value, m.Interval95?.Lower, m.Interval95?.Upper, null, group: g.Summary);
        if (b.SameType is { } t) Row($"type:{t.PlaceType}", PlacesOfType, null, null, null, null, null, null, quintile: t.Quintile);
    }
}
