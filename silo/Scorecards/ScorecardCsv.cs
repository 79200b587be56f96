using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Scorecards;

/// <summary>
/// A scorecard as CSV, one row per indicator shown, each row carrying the place, the indicator's metadata
/// (unit, polarity, combine method), the period and its source agencies, so that a row pasted elsewhere still says
/// what it is. The same words as the page: icon, trend and outcome names from the API, completeness as its summary.
/// </summary>
public static class ScorecardCsv
{
    public static TableAbout About(Scorecard scorecard, TableView view) => new("Scorecard", $"{scorecard.Place.Name}: scorecard",
        "One row per indicator the place page's scorecard shows, filtered and sorted as asked: the latest period's value, what the statistics say, " +
        "the comparison with the parent place and England, and the agencies whose returns made it.", view)
    { Facts = [("place", scorecard.Place.Code), ("place_name", scorecard.Place.Name), ("as_of", scorecard.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))] };

    public static void Write(IRowWriter csv, Scorecard scorecard, IReadOnlyList<ScorecardRow> rows)
    {
        csv.Header("place", "place_name", "indicator", "title", "theme", "unit", "polarity", "method", "frequency",
            "period", "value", "lower_95", "upper_95", "variation_icon", "variation", "assurance_icon", "recent_trend",
            "parent", "parent_value", "parent_outcome", "england_value", "england_outcome",
            "completeness_period", "agencies_expected", "agencies_received", "agencies_missing", "agencies_not_yet_due", "agencies_late",
            "completeness", "source_agencies");
        foreach (var row in rows)
        {
            var d = row.Indicator;
            var c = row.Completeness;
            csv.Text(scorecard.Place.Code).Text(scorecard.Place.Name).Text(d.Code).Text(d.Title).Text(d.Theme)
                .Text(CatalogueNames.Name(d.Unit)).Text(CatalogueNames.Name(d.Polarity)).Text(CatalogueNames.Name(d.Combine))
                .Text(CatalogueNames.Name(d.Frequency))
                .Text(row.Latest?.Period).Number(row.Latest?.Value).Number(row.Interval95?.Lower).Number(row.Interval95?.Upper)
                .Text(CatalogueNames.NameOrNull(row.Latest?.VariationIcon)).Text(CatalogueNames.NameOrNull(row.Variation))
                .Text(CatalogueNames.NameOrNull(row.Latest?.AssuranceIcon)).Text(CatalogueNames.NameOrNull(row.Latest?.RecentTrend))
                .Text(row.Parent?.Place).Number(row.Parent?.Value).Text(CatalogueNames.NameOrNull(row.Parent?.Outcome))
                .Number(row.England?.Value).Text(CatalogueNames.NameOrNull(row.England?.Outcome))
                .Text(c?.Period).Number(c?.Expected.Count).Number(c?.Received.Count).Text(Join(c?.Missing))
                .Text(Join(c?.NotYetDue)).Text(Join(c?.Late)).Text(c?.Summary).Text(Join(c?.Received));
            csv.EndRow();
        }
    }

    // Agency codes are letters, digits, '-' and '_': a space separates them without quoting.
    private static string? Join(IReadOnlyList<string>? agencies) => agencies is null ? null : string.Join(' ', agencies);
}
