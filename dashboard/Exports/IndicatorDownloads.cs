using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Api.Places;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Dashboard.Exports;

/// <summary>
/// The indicator page's tables as CSV and as workbooks, for anyone reading the page: the same files as the API's
/// <c>?format=csv</c> and <c>?format=xlsx</c> (same writers, same columns), at addresses beside the page, holding what
/// the page shows its reader.
/// </summary>
public static class IndicatorDownloads
{
    public static string Series(string place, string indicator) => $"{Base(place, indicator)}/series.csv";
    public static string SeriesWorkbook(string place, string indicator) => TableRoutes.Workbook(Series(place, indicator));
    public static string Revisions(string place, string indicator) => $"{Base(place, indicator)}/revisions.csv";
    public static string Benchmarks(string place, string indicator) => $"{Base(place, indicator)}/benchmarks.csv";
    public static string Forecast(string place, string indicator) => $"{Base(place, indicator)}/forecast.csv";
    public static string RevisionsWorkbook(string place, string indicator) => TableRoutes.Workbook(Revisions(place, indicator));
    public static string BenchmarksWorkbook(string place, string indicator) => TableRoutes.Workbook(Benchmarks(place, indicator));
    public static string ForecastWorkbook(string place, string indicator) => TableRoutes.Workbook(Forecast(place, indicator));

    public static IEndpointRouteBuilder MapIndicatorDownloads(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous, unlike the API's key-only CSVs: they hold exactly what the public indicator page shows, and a
        // committee member reading the page has no API key. Each at .csv and as a workbook at .xlsx.
        var group = endpoints.MapGroup("/places/{place}/indicators/{indicator}").AllowAnonymous().ExcludeFromDescription();
        TableRoutes.Map("/series.csv", route => group.MapGet(route, SeriesAsync));
        TableRoutes.Map("/revisions.csv", route => group.MapGet(route, RevisionsAsync));
        TableRoutes.Map("/benchmarks.csv", route => group.MapGet(route, BenchmarksAsync));
        TableRoutes.Map("/forecast.csv", route => group.MapGet(route, ForecastAsync));
        return endpoints;
    }

    private static async Task<IResult> SeriesAsync(string place, string indicator, ICatalogue catalogue, DataViews views, ClaimsPrincipal user)
    {
        if (await FindAsync(place, indicator, catalogue) is null) return Results.NotFound();
        var outcomes = views.For(user);
        var series = await outcomes.SeriesAsync(place, indicator);
        return new TableFile($"{place}_{indicator}_series", csv => SeriesCsv.Write(csv, series),
            Silo.Api.Places.SeriesWorkbook.About(series, TableViews.Of(outcomes)));
    }

    private static async Task<IResult> ForecastAsync(string place, string indicator, ICatalogue catalogue, DataViews views, ClaimsPrincipal user)
    {
        if (await FindAsync(place, indicator, catalogue) is not { } definition) return Results.NotFound();
        var outcomes = views.For(user);
        var series = await outcomes.SeriesAsync(place, indicator);
        return new TableFile($"{place}_{indicator}_forecast", csv => ForecastCsv.Write(csv, series),
            ForecastCsv.About(place, definition, TableViews.Of(outcomes)));
    }

    private static async Task<IResult> RevisionsAsync(
        string place, string indicator, ICatalogue catalogue, DataViews views, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await FindAsync(place, indicator, catalogue) is not { } definition) return Results.NotFound();
        var outcomes = views.For(user);
        var revisions = await outcomes.RevisionsAsync(place, indicator, cancellationToken);
        return new TableFile($"{place}_{indicator}_revisions", csv => RevisionsCsv.Write(csv, place, definition, revisions),
            RevisionsCsv.About(place, definition, TableViews.Of(outcomes)));
    }

    private static async Task<IResult> BenchmarksAsync(
        string place, string indicator, ICatalogue catalogue, BenchmarkService benchmarks, DataViews views, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(place, indicator, catalogue) is not { } definition) return Results.NotFound();
        var outcomes = views.For(user);
        var result = await benchmarks.ForAsync(outcomes, place, indicator, period: null, cancellationToken);
        return result is null
            ? Results.NotFound()
            : new TableFile($"{place}_{indicator}_benchmarks", csv => BenchmarksCsv.Write(csv, definition, result),
                BenchmarksCsv.About(place, definition, TableViews.Of(outcomes)));
    }

    // The indicator, when both it and the place are in the catalogue (a grain refuses to activate for others).
    private static async Task<IndicatorDefinition?> FindAsync(string place, string indicator, ICatalogue catalogue) =>
        await catalogue.FindPlaceAsync(place) is null ? null : await catalogue.FindIndicatorAsync(indicator);

    private static string Base(string place, string indicator) =>
        $"/places/{Uri.EscapeDataString(place)}/indicators/{Uri.EscapeDataString(indicator)}";
}
