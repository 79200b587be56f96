using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// A place's indicators with their latest values as CSV, one row per indicator of the catalogue (the JSON's order),
/// the indicator's columns first; an indicator with no value in the place has empty value cells. <c>source</c> is
/// <c>returns</c> (the agencies' returns, combined as <c>method</c> says), as the benchmarks' own rows say it.
/// </summary>
public static class LatestValuesCsv
{
    public static TableAbout About(string place, TableView view) => new("Indicators", $"Every indicator's latest value in {place}",
        "One row per indicator of the catalogue, its columns first, then its latest period and value in the place; empty value cells where the place has none.", view)
    { Facts = [("place", place)] };

    public static void Write(IRowWriter csv, string place, IEnumerable<(IndicatorDefinition Definition, LatestValue? Latest)> rows)
    {
        IndicatorCsvColumns.Header(csv, "theme", "period", "value", "numerator", "denominator", "updated_at", "source");
        foreach (var (definition, latest) in rows)
        {
            csv.Indicator(place, definition).Text(definition.Theme)
                .Text(latest?.Period).Number(latest?.Value).Number(latest?.Numerator).Number(latest?.Denominator);
            if (latest is null) csv.Text(null).Text(null);
            else csv.Time(latest.UpdatedAt).Text("returns");
            csv.EndRow();
        }
    }
}
