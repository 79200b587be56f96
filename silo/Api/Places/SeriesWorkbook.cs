using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Xlsx;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// A series as a workbook: the CSV's rows (written by <see cref="SeriesCsv"/> itself) on a "Series" sheet, and what
/// they are on an "About" sheet: the indicator's metadata, its summary statistics and how to read the columns.
/// </summary>
public static class SeriesWorkbook
{
    public static XlsxSheet[] Sheets(IndicatorSeries series)
    {
        var rows = new XlsxRowWriter();
        SeriesCsv.Write(rows, series);
        var d = series.Indicator;
        var statistics = series.Statistics;
        IReadOnlyList<object?>[] about =
        [
            ["field", "value"],
            ["place", series.Place],
            ["indicator", d.Code],
            ["title", d.Title],
            ["theme", d.Theme],
            ["unit", CatalogueNames.Name(d.Unit)],
            ["multiplier", d.Multiplier],
            ["polarity", CatalogueNames.Name(d.Polarity)],
            ["frequency", CatalogueNames.Name(d.Frequency)],
            ["method", CatalogueNames.Name(d.Combine)],
            ["target", statistics.Target],
            ["variation_icon", CatalogueNames.NameOrNull(statistics.VariationIcon)],
            ["assurance_icon", CatalogueNames.NameOrNull(statistics.AssuranceIcon)],
            ["recent_trend", CatalogueNames.Name(statistics.RecentTrend.Trend)],
            ["periods", series.Points.Count],
            ["rows", "The Series sheet has one row per agency's return to each period: the period's combined value and statistics beside each agency's own numerator and denominator, as in the CSV download."],
        ];
        return
        [
            new XlsxSheet("Series", rows.Rows) { FreezeHeader = true },
            new XlsxSheet("About", about) { Widths = [18, 80] },
        ];
    }
}
