using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Benchmarks;

/// <summary>
/// Comparator groups, such as a place's CIPFA nearest neighbours: anyone reads them (the indicator page compares with them), an administrator
/// defines them.
/// </summary>
public static class ComparatorGroupsApi
{
    public static IEndpointRouteBuilder MapComparatorGroupsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/comparator-groups", ListAsync)
            .ForAnyone()
            .Produces<IReadOnlyList<ComparatorGroupDefinition>>()
            .WithName("ListComparatorGroups")
            .WithSummary("Every comparator group, or ?place='s, with its members.");

        endpoints.MapPut("/comparator-groups/{id}", PutAsync)
            .ForAdministrators()
            .Accepts<ComparatorGroupBody>("application/json")
            .Produces<ComparatorGroupDefinition>()
            .Produces<ComparatorGroupDefinition>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutComparatorGroup")
            .WithSummary("Create or replace a comparator group: its name, the place it serves and the places it compares with (audited).");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? place, ICatalogueReader catalogue, CancellationToken cancellationToken) =>
        Results.Ok(await catalogue.ListComparatorGroupsAsync(place, cancellationToken));

    private static async Task<IResult> PutAsync(string id, ComparatorGroupBody body, ClaimsPrincipal user, ComparatorGroupEditor editor,
        CancellationToken cancellationToken)
    {
        var saved = await editor.SaveAsync(id, body, user.Actor(), cancellationToken);
        if (saved.Problems.Count > 0) return ApiResults.Invalid(saved.Problems);
        return saved.Created ? Results.Created($"/api/v1/comparator-groups/{id}", saved.Group) : Results.Ok(saved.Group);
    }
}
