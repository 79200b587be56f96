using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Api.Places;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Xlsx;

namespace Scrutiny.Dashboard.Exports;

/// <summary>
/// The indicator page's tables as CSV, for anyone reading the page: the same files as the API's <c>?format=csv</c>
/// (same writers, same columns), at addresses beside the page, holding what the page shows its reader. The series
/// also comes as a workbook, its rows written by the same writer, with its metadata on a second sheet.
/// </summary>
public static class IndicatorDownloads
{
    public static string Series(string place, string indicator) => $"{Base(place, indicator)}/series.csv";
    public static string SeriesWorkbook(string place, string indicator) => $"{Base(place, indicator)}/series.xlsx";
    public static string Revisions(string place, string indicator) => $"{Base(place, indicator)}/revisions.csv";
    public static string Benchmarks(string place, string indicator) => $"{Base(place, indicator)}/benchmarks.csv";
    public static string Forecast(string place, string indicator) => $"{Base(place, indicator)}/forecast.csv";

    public static IEndpointRouteBuilder MapIndicatorDownloads(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous, unlike the API's key-only CSVs: they hold exactly what the public indicator page shows, and a
        // committee member reading the page has no API key.
        var group = endpoints.MapGroup("/places/{place}/indicators/{indicator}").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/series.csv", SeriesAsync);
        group.MapGet("/series.xlsx", SeriesWorkbookAsync);
        group.MapGet("/revisions.csv", RevisionsAsync);
        group.MapGet("/benchmarks.csv", BenchmarksAsync);
        group.MapGet("/forecast.csv", ForecastAsync);
        return endpoints;
    }

    private static async Task<IResult> SeriesAsync(string place, string indicator, ICatalogue catalogue, DataViews views, ClaimsPrincipal user)
    {
        if (await FindAsync(place, indicator, catalogue) is null) return Results.NotFound();
        var series = await views.For(user).SeriesAsync(place, indicator);
        return SafeCsv.Download($"{place}_{indicator}_series.csv", csv => SeriesCsv.Write(csv, series));
    }

    /// <summary>The series CSV's rows as a workbook, with the indicator's metadata on a second sheet.</summary>
    private static async Task<IResult> SeriesWorkbookAsync(string place, string indicator, ICatalogue catalogue, DataViews views, ClaimsPrincipal user)
    {
        if (await FindAsync(place, indicator, catalogue) is null) return Results.NotFound();
        var series = await views.For(user).SeriesAsync(place, indicator);
        return XlsxWriter.Download($"{place}_{indicator}_series.xlsx", Silo.Api.Places.SeriesWorkbook.Sheets(series));
    }

    private static async Task<IResult> ForecastAsync(string place, string indicator, ICatalogue catalogue, DataViews views, ClaimsPrincipal user)
    {
        if (await FindAsync(place, indicator, catalogue) is null) return Results.NotFound();
        var series = await views.For(user).SeriesAsync(place, indicator);
        return SafeCsv.Download($"{place}_{indicator}_forecast.csv", csv => ForecastCsv.Write(csv, series));
    }

    private static async Task<IResult> RevisionsAsync(
        string place, string indicator, ICatalogue catalogue, DataViews views, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await FindAsync(place, indicator, catalogue) is not { } definition) return Results.NotFound();
        var revisions = await views.For(user).RevisionsAsync(place, indicator, cancellationToken);
        return SafeCsv.Download($"{place}_{indicator}_revisions.csv", csv => RevisionsCsv.Write(csv, place, definition, revisions));
    }

    private static async Task<IResult> BenchmarksAsync(
        string place, string indicator, ICatalogue catalogue, BenchmarkService benchmarks, DataViews views, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(place, indicator, catalogue) is not { } definition) return Results.NotFound();
        var result = await benchmarks.ForAsync(views.For(user), place, indicator, period: null, cancellationToken);
        return result is null
            ? Results.NotFound()
            : SafeCsv.Download($"{place}_{indicator}_benchmarks.csv", csv => BenchmarksCsv.Write(csv, definition, result));
    }

    // The indicator, when both it and the place are in the catalogue (a grain refuses to activate for others).
    private static async Task<IndicatorDefinition?> FindAsync(string place, string indicator, ICatalogue catalogue) =>
        await catalogue.FindPlaceAsync(place) is null ? null : await catalogue.FindIndicatorAsync(indicator);

    private static string Base(string place, string indicator) =>
        $"/places/{Uri.EscapeDataString(place)}/indicators/{Uri.EscapeDataString(indicator)}";
}
