using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// A series as CSV, one row per contribution: each period's combined value and statistics repeated beside every
/// agency's value that made it, so that nothing the JSON holds is lost. Every row carries the indicator's metadata
/// (title, unit, polarity, frequency, combine method as <c>method</c>), the series' icons and target, and its source (the
/// agency whose return it is), so
/// that a row pasted elsewhere still says what it is. The names are the API's (<c>special_cause_improvement</c>).
/// The same rows make the workbook's Series sheet (<see cref="SeriesWorkbook"/>).
/// </summary>
public static class SeriesCsv
{
    public static void Write(IRowWriter csv, IndicatorSeries series)
    {
        IndicatorCsvColumns.Header(csv,
            "period", "value", "numerator", "denominator",
            "mean", "lower_process_limit", "upper_process_limit", "special_cause", "point_type",
            "lower_95", "upper_95", "lower_99_8", "upper_99_8", "variation_icon", "assurance_icon", "target", "recent_trend",
            "source", "source_numerator", "source_denominator", "source_revision", "source_submitted_at", "source_note");
        var d = series.Indicator;
        var statistics = series.Statistics;
        foreach (var (point, s) in series.Points.Zip(statistics.Points))
            foreach (var c in point.Contributions)
            {
                csv.Indicator(series.Place, d)
                    .Text(point.Period).Number(point.Value).Number(point.Numerator).Number(point.Denominator)
                    .Number(s.Spc?.Mean).Number(s.Spc?.LowerProcessLimit).Number(s.Spc?.UpperProcessLimit)
                    .Text(CatalogueNames.NameOrNull(s.Spc?.SpecialCause)).Text(CatalogueNames.NameOrNull(s.Spc?.PointType))
                    .Number(s.Interval95?.Lower).Number(s.Interval95?.Upper).Number(s.Interval998?.Lower).Number(s.Interval998?.Upper)
                    .Text(CatalogueNames.NameOrNull(statistics.VariationIcon)).Text(CatalogueNames.NameOrNull(statistics.AssuranceIcon))
                    .Number(statistics.Target).Text(CatalogueNames.Name(statistics.RecentTrend.Trend))
                    .Text(c.Agency).Number(c.Numerator).Number(c.Denominator).Number(c.Revision).Time(c.SubmittedAt).Text(c.Note);
                csv.EndRow();
            }
    }
}
