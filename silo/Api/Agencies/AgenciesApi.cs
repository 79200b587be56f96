using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Agencies;

public static class AgenciesApi
{
    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/agencies", ListAsync)
            .ForAdministrators()
            .Produces<IReadOnlyList<AgencyResource>>()
            .WithName("ListAgencies")
            .WithSummary("Every agency with the places whose boards it sits on and the indicators assigned to it.");

        endpoints.MapGet("/agencies/{code}", GetAsync)
            .ForAdministrators()
            .Produces<AgencyResource>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetAgency")
            .WithSummary("One agency with its places and indicators.");

        endpoints.MapPut("/agencies/{code}", PutAsync)
            .ForAdministrators()
            .Accepts<AgencyBody>("application/json")
            .Produces<AgencyResource>()
            .Produces<AgencyResource>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutAgency")
            .WithSummary("Create or replace an agency, the places whose boards it sits on and the indicators assigned to it, all or nothing.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(ICatalogueReader catalogue, CancellationToken cancellationToken) =>
        Results.Ok((await catalogue.ListAgencyScopesAsync(cancellationToken)).Select(a => AgencyResource.From(a.Agency, a.Scope)).ToList());

    private static async Task<IResult> GetAsync(string code, ICatalogueReader catalogue, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAgencyAsync(code, cancellationToken) is not { } agency)
            return ApiResults.NotFound($"No agency has the code '{code}'.");
        return Results.Ok(AgencyResource.From(agency, await catalogue.AgencyScopeAsync(code, cancellationToken)));
    }

    private static async Task<IResult> PutAsync(string code, AgencyBody body, ClaimsPrincipal user, AgencyAdministration administration,
        CancellationToken cancellationToken)
    {
        var outcome = await administration.SaveAsync(code, body, user.Actor(), cancellationToken);
        if (outcome.Problems.Count > 0) return ApiResults.Invalid(outcome.Problems);
        if (outcome.Clashes.Count > 0)
            return ApiResults.Conflict("A single-source indicator would have a second source.",
                string.Join(" ", outcome.Clashes.Select(c =>
                    $"In place {c.Place}, {c.Indicator} is single-source and already assigned to {string.Join(" and ", c.Agencies)}.")),
                new Dictionary<string, object?> { ["conflicts"] = outcome.Clashes });
        var resource = outcome.Saved!;
        return outcome.Created ? Results.Created($"/api/v1/agencies/{code}", resource) : Results.Ok(resource);
    }
}
