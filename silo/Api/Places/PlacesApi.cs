using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Api.Indicators;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Api.Places;

public static class PlacesApi
{
    public static IEndpointRouteBuilder MapPlacesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/places", ListPlacesAsync)
            .ForAnyone()
            .Produces<IReadOnlyList<Place>>(StatusCodes.Status200OK, "application/json", ExportFormats.CsvMediaType, ExportFormats.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ListPlaces")
            .WithSummary("Every place of the catalogue, by name. ?format=csv for a spreadsheet (code, name, type, parent_code), ?format=xlsx for a workbook.");

        endpoints.MapGet("/places/{place}/indicators", ListPlaceIndicatorsAsync)
            .ForAnyone()
            .Produces<IReadOnlyList<PlaceIndicatorResource>>(StatusCodes.Status200OK, "application/json", ExportFormats.CsvMediaType, ExportFormats.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListPlaceIndicators")
            .WithSummary("Every indicator of the catalogue with its latest period and value in the place (null when none). ?format=csv for a spreadsheet, ?format=xlsx for a workbook.");

        endpoints.MapGet("/places/{place}/indicators/{indicator}/series", GetSeriesAsync)
            .ForAnyone()
            .Produces<SeriesResource>(StatusCodes.Status200OK, "application/json", ExportFormats.CsvMediaType, ExportFormats.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetSeries")
            .WithSummary("An indicator's combined value in a place, one point per period, oldest first, with each agency's contribution. ?format=csv for a spreadsheet, ?format=xlsx for a workbook.");

        endpoints.MapGet("/places/{place}/indicators/{indicator}/revisions", GetRevisionsAsync)
            .ForAnyone()
            .Produces<RevisionsResource>(StatusCodes.Status200OK, "application/json", ExportFormats.CsvMediaType, ExportFormats.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetRevisions")
            .WithSummary("Every revision of every value of an indicator in a place, from the returns ledger: who, when, note, batch. ?period= for one period, ?format=csv for a spreadsheet, ?format=xlsx for a workbook.");
        return endpoints;
    }

    private static async Task<IResult> ListPlacesAsync(string? format, ICatalogueReader catalogue, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
        var places = await catalogue.ListPlacesAsync(cancellationToken);
        return exportFormat != ExportFormat.Json
            ? exportFormat.Table("places", csv =>
            {
                csv.Header("code", "name", "type", "parent_code");
                foreach (var p in places)
                {
                    csv.Text(p.Code).Text(p.Name).Text(p.Type).Text(p.ParentCode);
                    csv.EndRow();
                }
            }, new TableAbout("Places", "The places of the catalogue", "One row per place, by name: its code, name, type and the code of the place it is part of.", TableView.Public))
            : Results.Ok(places);
    }

    private static async Task<IResult> ListPlaceIndicatorsAsync(
        string place, string? format, ClaimsPrincipal user, ICatalogueReader catalogue, DataViews views, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
        if (await catalogue.FindPlaceAsync(place, cancellationToken) is null) return UnknownPlace(place);
        var indicators = await catalogue.ListIndicatorsAsync(cancellationToken);
        var schedules = (await catalogue.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var outcomes = views.For(user);
        var latest = (await outcomes.SummaryAsync(place)).Latest.ToDictionary(l => l.Indicator, StringComparer.Ordinal);
        var rows = indicators.Select(i => (Definition: i, Latest: latest.TryGetValue(i.Code, out var l) ? LatestValue.From(l) : null)).ToList();
        return exportFormat != ExportFormat.Json
            ? exportFormat.Table($"{place}_indicators", csv => LatestValuesCsv.Write(csv, place, rows), LatestValuesCsv.About(place, TableViews.Of(outcomes)))
            : Results.Ok(rows.Select(r => new PlaceIndicatorResource(IndicatorResource.From(r.Definition, schedules.GetValueOrDefault(r.Definition.Code)), r.Latest)).ToList());
    }

    private static async Task<IResult> GetSeriesAsync(
        string place, string indicator, string? format, ClaimsPrincipal user, ICatalogueReader catalogue, DataViews views,
        CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
        if (await FindAsync(place, indicator, catalogue, cancellationToken) is { } missing) return missing;
        var outcomes = views.For(user);
        var series = await outcomes.SeriesAsync(place, indicator);
        return exportFormat != ExportFormat.Json
            ? exportFormat.Table($"{place}_{indicator}_series", csv => SeriesCsv.Write(csv, series), SeriesWorkbook.About(series, TableViews.Of(outcomes)))
            : Results.Ok(SeriesResource.From(series));
    }

    private static async Task<IResult> GetRevisionsAsync(
        string place, string indicator, string? period, string? format, ClaimsPrincipal user, ICatalogueReader catalogue, DataViews views,
        CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
        if (await FindAsync(place, indicator, catalogue, cancellationToken) is { } missing) return missing;
        var definition = (await catalogue.FindIndicatorAsync(indicator, cancellationToken))!;
        var outcomes = views.For(user);
        var revisions = (await outcomes.RevisionsAsync(place, indicator, cancellationToken))
            .Where(r => period is null || r.Period == period).ToList();
        return exportFormat != ExportFormat.Json
            ? exportFormat.Table($"{place}_{indicator}_revisions", csv => RevisionsCsv.Write(csv, place, definition, revisions),
                RevisionsCsv.About(place, definition, TableViews.Of(outcomes)))
            : Results.Ok(RevisionsResource.From(place, definition, revisions));
    }

    /// <summary>A 404 when the place or the indicator is not in the catalogue; null when both are.</summary>
    internal static async Task<IResult?> FindAsync(string place, string indicator, ICatalogueReader catalogue, CancellationToken cancellationToken)
    {
        if (await catalogue.FindPlaceAsync(place, cancellationToken) is null) return UnknownPlace(place);
        if (await catalogue.FindIndicatorAsync(indicator, cancellationToken) is null)
            return ApiResults.NotFound($"No indicator has the code '{indicator}'.");
        return null;
    }

    private static IResult UnknownPlace(string place) => ApiResults.NotFound($"No place has the code '{place}'.");
}
