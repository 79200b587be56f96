using System.Text.Json.Nodes;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Returns;

namespace Scrutiny.Dashboard.Datasets;

/// <summary>
/// The indicator page's schema.org <c>Dataset</c> (JSON-LD), so that search engines and data portals find the figures:
/// name, description, the agencies whose returns make the series, the published periods it covers, the licence, and
/// the CSV and JSON to download. Made from the published points alone, whoever reads the page.
/// </summary>
public sealed class DatasetJsonLd(ICatalogueReader catalogue, PublicationReleases releases, OpenDataOptions options)
{
    /// <summary>
    /// The JSON, with <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped (System.Text.Json's default encoder), so that no
    /// title can close the script element it is written into; null when nothing of the series is published.
    /// </summary>
    public async Task<string?> ForAsync(string origin, Place place, IndicatorSeries series, IReadOnlyCollection<string> unpublished,
        IndicatorSchedule? schedule, CancellationToken cancellationToken = default)
    {
        var points = series.Points.Where(p => !unpublished.Contains(p.Period) && p.Contributions.Count > 0).ToList();
        if (points.Count == 0) return null;
        var indicator = series.Indicator;
        var released = (await releases.ListAsync(indicator.Code, cancellationToken)).ToDictionary(r => r.Period, r => r.ReleasedAt, StringComparer.Ordinal);
        var modified = points.Max(p => PublicationMoments.PublicFrom(schedule, p.Period, p.Contributions.Max(c => c.SubmittedAt),
            released.TryGetValue(p.Period, out var at) ? at : null));
        var creators = new JsonArray();
        foreach (var code in points.SelectMany(p => p.Contributions).Select(c => c.Agency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            creators.Add(new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = (await catalogue.FindAgencyAsync(code, cancellationToken))?.Name ?? code,
                ["identifier"] = code,
            });
        var dataset = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["name"] = DatasetTerms.Title(place, indicator),
            ["description"] = DatasetTerms.Description(place, indicator),
            ["url"] = DatasetTerms.Page(origin, place, indicator),
            ["identifier"] = $"{place.Code}/{indicator.Code}",
            ["keywords"] = new JsonArray([.. DatasetTerms.Keywords(place, indicator).Select(k => JsonValue.Create(k))]),
            ["creator"] = creators,
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = options.Publisher },
            ["license"] = DatasetTerms.Licence,
            ["isAccessibleForFree"] = true,
            ["spatialCoverage"] = new JsonObject { ["@type"] = "Place", ["name"] = place.Name, ["identifier"] = place.Code },
            ["variableMeasured"] = new JsonObject
            {
                ["@type"] = "PropertyValue",
                ["name"] = indicator.Title,
                ["unitText"] = CatalogueNames.Name(indicator.Unit),
            },
            ["dateModified"] = DatasetTerms.Instant(modified),
            ["distribution"] = new JsonArray(
                new JsonObject
                {
                    ["@type"] = "DataDownload",
                    ["encodingFormat"] = "text/csv",
                    ["contentUrl"] = DatasetTerms.Csv(origin, place, indicator),
                },
                new JsonObject
                {
                    ["@type"] = "DataDownload",
                    ["encodingFormat"] = "application/json",
                    ["contentUrl"] = DatasetTerms.Api(origin, place, indicator),
                },
                new JsonObject
                {
                    ["@type"] = "DataDownload",
                    ["encodingFormat"] = XlsxWorkbook.MediaType,
                    ["contentUrl"] = DatasetTerms.Workbook(origin, place, indicator),
                }),
        };
        if (DatasetTerms.Temporal(points[0].Period, points[^1].Period) is { } temporal) dataset["temporalCoverage"] = temporal;
        return dataset.ToJsonString();
    }
}
