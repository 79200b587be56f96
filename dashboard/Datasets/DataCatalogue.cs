using System.Text.Json.Nodes;
using Scrutiny.Dashboard.Feeds;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Datasets;

/// <summary>
/// <c>/data.json</c>: every place's indicator with at least one published value as a DCAT-US 1.1 catalogue, so that
/// data portals harvest the figures. Built from one read of the returns ledger (<see cref="PublishedDatasets"/>), with
/// the public's publication rules; public, and the same for every reader.
/// </summary>
public static class DataCatalogue
{
    public const string Path = "/data.json";

    public static IServiceCollection AddOpenDataCatalogue(this IServiceCollection services) =>
        services.AddSingleton<DatasetJsonLd>()
            .AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Scrutiny:OpenData").Get<OpenDataOptions>() ?? new OpenDataOptions());

    public static IEndpointRouteBuilder MapOpenDataCatalogue(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, AnswerAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, PublishedDatasets published, ICatalogueReader catalogue, OpenDataOptions options)
    {
        var cancellationToken = context.RequestAborted;
        var origin = PublicDocument.Origin(context.Request);
        var places = (await catalogue.ListPlacesAsync(cancellationToken)).ToDictionary(p => p.Code, StringComparer.Ordinal);
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var datasets = new JsonArray();
        foreach (var d in await published.ListAsync(cancellationToken))
            if (places.TryGetValue(d.Place, out var place) && indicators.TryGetValue(d.Indicator, out var indicator))
                datasets.Add(Dataset(origin, place, indicator, d, options));
        var catalogueJson = new JsonObject
        {
            ["@context"] = "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
            ["@id"] = origin + Path,
            ["@type"] = "dcat:Catalog",
            ["conformsTo"] = "https://project-open-data.cio.gov/v1.1/schema",
            ["describedBy"] = "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
            ["dataset"] = datasets,
        };
        return PublicDocument.Answer(context, System.Text.Encoding.UTF8.GetBytes(catalogueJson.ToJsonString()), "application/json; charset=utf-8");
    }

    private static JsonObject Dataset(string origin, Place place, IndicatorDefinition indicator, PublishedDataset d, OpenDataOptions options)
    {
        var contact = new JsonObject { ["@type"] = "vcard:Contact", ["fn"] = options.Publisher };
        if (options.ContactEmail is { Length: > 0 } email) contact["hasEmail"] = $"mailto:{email}";
        var dataset = new JsonObject
        {
            ["@type"] = "dcat:Dataset",
            ["title"] = DatasetTerms.Title(place, indicator),
            ["description"] = DatasetTerms.Description(place, indicator),
            ["keyword"] = new JsonArray([.. DatasetTerms.Keywords(place, indicator).Select(k => JsonValue.Create(k))]),
            ["modified"] = DatasetTerms.Instant(d.Modified),
            ["publisher"] = new JsonObject { ["@type"] = "org:Organization", ["name"] = options.Publisher },
            ["contactPoint"] = contact,
            ["identifier"] = DatasetTerms.Page(origin, place, indicator),
            ["accessLevel"] = "public",
            ["license"] = DatasetTerms.Licence,
            ["spatial"] = place.Name,
            ["landingPage"] = DatasetTerms.Page(origin, place, indicator),
            ["theme"] = new JsonArray(JsonValue.Create(indicator.Theme)),
            ["distribution"] = new JsonArray(
                new JsonObject
                {
                    ["@type"] = "dcat:Distribution",
                    ["title"] = "Series with its statistics (CSV)",
                    ["downloadURL"] = DatasetTerms.Csv(origin, place, indicator),
                    ["mediaType"] = "text/csv",
                    ["format"] = "CSV",
                },
                new JsonObject
                {
                    ["@type"] = "dcat:Distribution",
                    ["title"] = "Series with its statistics (JSON API)",
                    ["accessURL"] = DatasetTerms.Api(origin, place, indicator),
                    ["mediaType"] = "application/json",
                    ["format"] = "API",
                },
                new JsonObject
                {
                    ["@type"] = "dcat:Distribution",
                    ["title"] = "Series with its statistics (Excel workbook)",
                    ["downloadURL"] = DatasetTerms.Workbook(origin, place, indicator),
                    ["mediaType"] = XlsxWorkbook.MediaType,
                    ["format"] = "XLSX",
                }),
        };
        if (DatasetTerms.Temporal(d.FirstPeriod, d.LastPeriod) is { } temporal) dataset["temporal"] = temporal;
        return dataset;
    }
}
