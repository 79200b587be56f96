using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Scorecards;

/// <summary>
/// The home page's table as CSV: each place with how many of its indicators are improving, of concern, showing no
/// significant change or unusual. Counts have no single polarity or period, so each row says what it counts
/// (<c>period</c> = the latest period of each indicator) and where the verdicts come from (<c>source</c>).
/// </summary>
public static class PlaceCountsCsv
{
    public const string Period = "latest_of_each_indicator";
    public const string Source = "spc_variation_icon_of_latest_point";

    public static TableAbout About(TableView view) => new("Places", "Places and how their indicators are doing",
        "One row per place: how many of its indicators are improving, of concern, showing no significant change or unusual, each at its latest period.", view);

    public static void Write(IRowWriter csv, IEnumerable<(Place Place, VariationCounts Counts)> places)
    {
        csv.Header("place", "name", "type", "parent", "indicators_with_values", "improving", "of_concern",
            "no_significant_change", "unusual", "period", "source");
        foreach (var (place, counts) in places)
        {
            csv.Text(place.Code).Text(place.Name).Text(place.Type).Text(place.ParentCode)
                .Number(counts.Indicators).Number(counts.Improving).Number(counts.Concern)
                .Number(counts.NoSignificantChange).Number(counts.Unusual).Text(Period).Text(Source);
            csv.EndRow();
        }
    }
}
