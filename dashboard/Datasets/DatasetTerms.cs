using System.Globalization;
using Scrutiny.Dashboard.Components.Pages;
using Scrutiny.Dashboard.Exports;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Dashboard.Datasets;

/// <summary>
/// A place's indicator described as a dataset, the same in the indicator page's schema.org <c>Dataset</c> and in the
/// <c>/data.json</c> catalogue: its name, description, licence, period covered and where to download it.
/// </summary>
public static class DatasetTerms
{
    /// <summary>
    /// The Open Government Licence v3.0: the product states no other licence for the figures it publishes, and OGL is
    /// the default for UK public-sector information (docs/api.md, "Open data").
    /// </summary>
    public const string Licence = Silo.Tables.TableViews.LicenceAddress;

    public static string Title(Place place, IndicatorDefinition indicator) => $"{indicator.Title} in {place.Name}";

    public static string Description(Place place, IndicatorDefinition indicator) =>
        $"{indicator.Title} in {place.Name} ({place.Code}), {Labels.Humanise(CatalogueNames.Name(indicator.Frequency)).ToLowerInvariant()}, " +
        $"as {Labels.Humanise(CatalogueNames.Name(indicator.Unit)).ToLowerInvariant()}; " +
        $"{Labels.Humanise(CatalogueNames.Name(indicator.Polarity)).ToLowerInvariant()}. Combined from the agencies' returns " +
        $"({Labels.Humanise(CatalogueNames.Name(indicator.Combine)).ToLowerInvariant()}), with SPC statistics for each period. Published values only.";

    public static string[] Keywords(Place place, IndicatorDefinition indicator) => [Labels.Humanise(indicator.Theme), indicator.Title, place.Name];

    /// <summary>The first published period's first day to the last one's last day, as an ISO 8601 interval; null when a period cannot be read.</summary>
    public static string? Temporal(string firstPeriod, string lastPeriod) =>
        Period.TryParse(firstPeriod, out var first) && Period.TryParse(lastPeriod, out var last)
            ? $"{Day(first.Start)}/{Day(last.End.AddDays(-1))}"
            : null;

    public static string Page(string origin, Place place, IndicatorDefinition indicator) => origin + IndicatorPage.Href(place.Code, indicator.Code);

    public static string Csv(string origin, Place place, IndicatorDefinition indicator) => origin + IndicatorDownloads.Series(place.Code, indicator.Code);

    /// <summary>The same series as an Excel workbook: the CSV's rows and, on a second sheet, what they are.</summary>
    public static string Workbook(string origin, Place place, IndicatorDefinition indicator) =>
        origin + IndicatorDownloads.SeriesWorkbook(place.Code, indicator.Code);

    public static string Api(string origin, Place place, IndicatorDefinition indicator) =>
        $"{origin}/api/v1/places/{Uri.EscapeDataString(place.Code)}/indicators/{Uri.EscapeDataString(indicator.Code)}/series";

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
