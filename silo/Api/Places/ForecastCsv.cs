using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// The baseline forecast as CSV, one row per future period, each carrying the indicator's metadata, the target it is
/// drawn beside and its source: the forecast is computed from the place's returned history, not returned itself.
/// </summary>
public static class ForecastCsv
{
    public const string Source = "baseline_from_returns";

    public static TableAbout About(string place, IndicatorDefinition d, TableView view) => new("Forecast", $"{d.Title}: {place}, baseline forecast",
        "One row per future period: the baseline projected from the place's returned history (not returned itself), with its intervals, beside the target.", view)
    { Facts = IndicatorFacts.Of(place, d) };

    public static void Write(IRowWriter csv, IndicatorSeries series)
    {
        IndicatorCsvColumns.Header(csv,
            "period", "baseline", "lower_95", "upper_95", "target", "last_returned_period", "source");
        var d = series.Indicator;
        var lastReturned = series.Points.LastOrDefault(p => p.Value is not null)?.Period;
        foreach (var f in series.Statistics.Forecast)
        {
            csv.Indicator(series.Place, d)
                .Text(f.Period).Number(f.Value).Number(f.Lower).Number(f.Upper).Number(series.Statistics.Target)
                .Text(lastReturned).Text(Source);
            csv.EndRow();
        }
    }
}
