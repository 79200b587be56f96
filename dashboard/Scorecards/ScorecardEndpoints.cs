using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Scorecards;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Dashboard.Scorecards;

/// <summary>The place page's scorecard as CSV or a workbook, filtered and sorted by the same query parameters as the page; the home page's counts.</summary>
public static class ScorecardEndpoints
{
    public static string CsvHref(string placeCode, ScorecardFilter filter) =>
        $"/places/{Uri.EscapeDataString(placeCode)}/scorecard.csv{filter.ToQuery()}";

    public static string WorkbookHref(string placeCode, ScorecardFilter filter) => TableRoutes.Workbook(CsvHref(placeCode, filter));

    public static IEndpointRouteBuilder MapScorecardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Public, as the place page is: it downloads the figures that page shows to anyone. The /api/v1 reads need
        // an API key, which a resident or a committee member does not have.
        TableRoutes.Map("/places/{code}/scorecard.csv", route => endpoints.MapGet(route, DownloadAsync)).AllowAnonymous().ExcludeFromDescription();
        // The home page's counts, public as that page is.
        TableRoutes.Map(PlacesCsvHref, route => endpoints.MapGet(route, DownloadCountsAsync)).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public const string PlacesCsvHref = "/places.csv";
    public static readonly string PlacesWorkbookHref = TableRoutes.Workbook(PlacesCsvHref);

    private static async Task<IResult> DownloadCountsAsync(ICatalogue catalogue, PlaceScorecard scorecards, DataViews views, ClaimsPrincipal user)
    {
        var places = await catalogue.ListPlacesAsync();
        var outcomes = views.For(user);
        var counts = await Task.WhenAll(places.Select(async p => (p, await scorecards.CountsAsync(outcomes, p.Code))));
        return new TableFile("places", csv => PlaceCountsCsv.Write(csv, counts), PlaceCountsCsv.About(TableViews.Of(outcomes)));
    }

    private static async Task<IResult> DownloadAsync(string code, string[]? variation, string[]? england, string? theme, string? sort,
        PlaceScorecard scorecards, DataViews views, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcomes = views.For(user);
        if (await scorecards.ForAsync(outcomes, code, cancellationToken) is not { } scorecard) return Results.NotFound();
        var filter = ScorecardFilter.Parse(variation, england, theme, sort, scorecard.Themes, out var problems);
        if (problems.Count > 0) return ApiResults.Invalid(problems);
        return new TableFile($"{code}_scorecard", csv => ScorecardCsv.Write(csv, scorecard, filter.Apply(scorecard.Rows)),
            ScorecardCsv.About(scorecard, TableViews.Of(outcomes)));
    }
}
