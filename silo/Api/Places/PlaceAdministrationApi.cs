using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// Administrators add places and their partnership boards, so that a catalogue (a whole country's local authorities)
/// can be made over the API, as indicators and agencies are; agencies then join the boards through their own PUT.
/// </summary>
public static class PlaceAdministrationApi
{
    public static IEndpointRouteBuilder MapPlaceAdministrationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/places/{code}", PutPlaceAsync)
            .ForAdministrators()
            .Accepts<PlaceBody>("application/json")
            .Produces<Place>()
            .Produces<Place>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutPlace")
            .WithSummary("Create or replace a place: its name, type and parent.");

        endpoints.MapPut("/boards/{id}", PutBoardAsync)
            .ForAdministrators()
            .Accepts<BoardBody>("application/json")
            .Produces<BoardBody>()
            .Produces<BoardBody>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutBoard")
            .WithSummary("Create a place's partnership board, or rename or move one; its members are agencies that name its place.");
        return endpoints;
    }

    private static async Task<IResult> PutPlaceAsync(string code, PlaceBody body, ClaimsPrincipal user, ICatalogueReader catalogue,
        CatalogueWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var (place, problems) = await new PlaceBodyValidator(catalogue).ValidateAsync(code, body, cancellationToken);
        if (place is null) return ApiResults.Invalid(problems);
        var created = await writer.SavePlaceAsync(place, user.Actor(), time.GetUtcNow(), cancellationToken);
        return created ? Results.Created($"/api/v1/places/{code}", place) : Results.Ok(place);
    }

    private static async Task<IResult> PutBoardAsync(string id, BoardBody body, ClaimsPrincipal user, ICatalogueReader catalogue,
        CatalogueWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var (board, problems) = await new BoardBodyValidator(catalogue).ValidateAsync(id, body, cancellationToken);
        if (board is not { } valid) return ApiResults.Invalid(problems);
        var created = await writer.SaveBoardAsync(valid.Id, valid.Name, valid.Place, user.Actor(), time.GetUtcNow(), cancellationToken);
        var saved = new BoardBody(valid.Id, valid.Name, valid.Place);
        return created ? Results.Created($"/api/v1/boards/{id}", saved) : Results.Ok(saved);
    }
}
