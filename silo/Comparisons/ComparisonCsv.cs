using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Comparisons;

/// <summary>
/// Comparisons as CSV, one row per place and indicator, in the order the page shows them (best first), each row
/// carrying the indicator's metadata, the period, the comparison with England and the agencies whose returns made
/// the value (<c>source</c>), so that a row pasted elsewhere still says what it is.
/// </summary>
public static class ComparisonCsv
{
    /// <summary>Agencies in <c>source</c> are separated by this, which no agency code contains.</summary>
    public const string SourceSeparator = "; ";

    public static TableAbout About(string title, ComparisonScope scope, TableView view) => new("Comparison", title,
        "One row per place and indicator, best first as the page shows them: the value with its 95% interval, the comparison with England, " +
        "the rank among the places compared and the agencies whose returns made the value.", view)
    { Facts = [("compared", scope.Name), ("places", scope.Places.Count)] };

    public static void Write(IRowWriter csv, IEnumerable<Comparison> comparisons)
    {
        csv.Header("scope", "scope_name", "place", "place_name", "indicator", "title", "unit", "polarity", "method", "frequency",
            "period", "value", "lower_95", "upper_95", "rank", "ranked_of", "comparator", "comparator_value",
            "comparator_aggregated_from", "outcome", "source");
        foreach (var c in comparisons)
        {
            var d = c.Indicator;
            foreach (var p in c.Places)
            {
                csv.Text($"{CatalogueNames.Name(c.Scope.Kind)}:{c.Scope.Id}").Text(c.Scope.Name).Text(p.Place.Code).Text(p.Place.Name)
                    .Text(d.Code).Text(d.Title).Text(CatalogueNames.Name(d.Unit)).Text(CatalogueNames.Name(d.Polarity))
                    .Text(CatalogueNames.Name(d.Combine)).Text(CatalogueNames.Name(d.Frequency))
                    .Text(c.Period).Number(p.Value).Number(p.Interval95?.Lower).Number(p.Interval95?.Upper)
                    .Number(p.Rank).Number(p.Value is null ? null : p.RankedOf)
                    .Text(c.England?.Place.Code).Number(c.England?.Value).Number(c.England?.AggregatedFrom)
                    .Text(CatalogueNames.Name(p.VersusEngland)).Text(string.Join(SourceSeparator, p.Sources));
                csv.EndRow();
            }
        }
    }
}
