using System.Security.Claims;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Dashboard.Live;

/// <summary>
/// What live.js reads after it (re)connects to the hub, to catch up on changes it missed while it was not watching:
/// the same <see cref="ChangeMessage"/>s the hub sends, one per indicator with a value.
/// </summary>
public static class LiveEndpoints
{
    public static string PlaceLatest(string placeCode) => $"/live/places/{Uri.EscapeDataString(placeCode)}";

    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Public, as the pages and the hub are; not part of the documented API.
        endpoints.MapGet("/live/places/{code}", PlaceLatestAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> PlaceLatestAsync(
        string code, ICatalogueReader catalogue, DataViews views, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await catalogue.FindPlaceAsync(code, cancellationToken) is null) return Results.NotFound();
        // What the page showed its reader: published values, or all of them for a reader entitled to see them.
        var summary = await views.For(user).SummaryAsync(code);
        response.Headers.CacheControl = "no-store";
        return Results.Ok(summary.Latest.Select(l => new ChangeMessage(ChangeKinds.Place,
            new Dictionary<string, string> { [ChangeKeys.Place] = code, [ChangeKeys.Indicator] = l.Indicator },
            [ChangeGroups.Place(code)], l.Period, l.Value, l.UpdatedAt)));
    }
}
