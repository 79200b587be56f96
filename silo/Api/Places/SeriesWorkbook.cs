using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// What a series download is, for its workbook's "About" sheet: the indicator's metadata, its summary statistics and
/// how to read the rows (written by <see cref="SeriesCsv"/>, as the CSV's are).
/// </summary>
public static class SeriesWorkbook
{
    public static TableAbout About(IndicatorSeries series, TableView view)
    {
        var d = series.Indicator;
        var statistics = series.Statistics;
        return new TableAbout("Series", $"{d.Title}: {series.Place}",
            "One row per agency's return to each period: the period's combined value and statistics beside each agency's own numerator and denominator.",
            view)
        {
            Facts =
            [
                .. IndicatorFacts.Of(series.Place, d),
                ("target", statistics.Target),
                ("variation_icon", CatalogueNames.NameOrNull(statistics.VariationIcon)),
                ("assurance_icon", CatalogueNames.NameOrNull(statistics.AssuranceIcon)),
                ("recent_trend", CatalogueNames.Name(statistics.RecentTrend.Trend)),
                ("periods", series.Points.Count),
            ],
        };
    }
}
