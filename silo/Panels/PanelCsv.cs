using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Comparisons;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Panels;

/// <summary>
/// A panel as CSV, one row per figure in the panel's order, each carrying the indicator's metadata, the period, what
/// the statistics say, the comparison with England and the agencies whose returns made the value (<c>source</c>).
/// </summary>
public static class PanelCsv
{
    public static TableAbout About(Panel panel, TableView view) => new("Panel", panel.Name,
        (string.IsNullOrWhiteSpace(panel.Description) ? "" : panel.Description.Trim() + " ") +
        "One row per figure in the panel's order: the latest value, what the statistics say, the comparison with England and the agencies whose returns made it.", view)
    { Facts = [("panel", panel.Id)] };

    public static void Write(IRowWriter csv, Panel panel, IReadOnlyList<PanelFigure> figures)
    {
        csv.Header("panel", "panel_name", "position", "place", "place_name", "indicator", "title", "unit", "polarity", "method",
            "frequency", "period", "value", "lower_95", "upper_95", "variation_icon", "assurance_icon", "recent_trend",
            "comparator", "comparator_value", "outcome", "source");
        foreach (var f in figures)
        {
            var d = f.Indicator;
            csv.Text(panel.Id).Text(panel.Name).Number(f.Position).Text(f.Place.Code).Text(f.Place.Name)
                .Text(d.Code).Text(d.Title).Text(CatalogueNames.Name(d.Unit)).Text(CatalogueNames.Name(d.Polarity))
                .Text(CatalogueNames.Name(d.Combine)).Text(CatalogueNames.Name(d.Frequency))
                .Text(f.Latest?.Period).Number(f.Latest?.Value).Number(f.Latest?.Interval95?.Lower).Number(f.Latest?.Interval95?.Upper)
                .Text(CatalogueNames.NameOrNull(f.Latest?.VariationIcon)).Text(CatalogueNames.NameOrNull(f.Latest?.AssuranceIcon))
                .Text(CatalogueNames.NameOrNull(f.Latest?.RecentTrend))
                .Text(f.England?.Place).Number(f.England?.Value).Text(CatalogueNames.NameOrNull(f.England?.Outcome))
                .Text(string.Join(ComparisonCsv.SourceSeparator, f.Latest?.Sources ?? []));
            csv.EndRow();
        }
    }
}
