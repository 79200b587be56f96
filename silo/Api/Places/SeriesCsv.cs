using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// A series as CSV, one row per contribution: each period's combined value repeated beside every agency's value
/// that made it, so that nothing the JSON holds is lost. Every row carries the indicator's metadata (title, unit,
/// polarity, frequency, combine method) and its source agency, so that a row pasted elsewhere still says what it is.
/// </summary>
public static class SeriesCsv
{
    public static void Write(SafeCsvWriter csv, IndicatorSeries series)
    {
        csv.Header("place", "indicator", "title", "unit", "polarity", "frequency", "combine",
            "period", "value", "numerator", "denominator",
            "source_agency", "source_numerator", "source_denominator", "source_revision", "source_submitted_at", "source_note");
        var d = series.Indicator;
        foreach (var point in series.Points)
            foreach (var c in point.Contributions)
            {
                csv.Text(series.Place).Text(d.Code).Text(d.Title).Text(CatalogueNames.Name(d.Unit)).Text(CatalogueNames.Name(d.Polarity))
                    .Text(CatalogueNames.Name(d.Frequency)).Text(CatalogueNames.Name(d.Combine))
                    .Text(point.Period).Number(point.Value).Number(point.Numerator).Number(point.Denominator)
                    .Text(c.Agency).Number(c.Numerator).Number(c.Denominator).Number(c.Revision).Time(c.SubmittedAt).Text(c.Note);
                csv.EndRow();
            }
    }
}
