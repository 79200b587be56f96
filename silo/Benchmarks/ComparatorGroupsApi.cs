using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Benchmarks;

/// <summary>The body of <c>PUT /api/v1/comparator-groups/{id}</c>.</summary>
public sealed record ComparatorGroupBody(string? Name, string? Place, IReadOnlyList<string>? Members);

/// <summary>
/// Comparator groups, such as a place's CIPFA nearest neighbours: anyone with a key reads them, an administrator
/// defines them.
/// </summary>
public static class ComparatorGroupsApi
{
    public const int MaxMembers = 100;

    public static IEndpointRouteBuilder MapComparatorGroupsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/comparator-groups", ListAsync)
            .ForAnyKey()
            .Produces<IReadOnlyList<ComparatorGroupDefinition>>()
            .WithName("ListComparatorGroups")
            .WithSummary("Every comparator group, or ?place='s, with its members.");

        endpoints.MapPut("/api/v1/comparator-groups/{id}", PutAsync)
            .ForAdministrators()
            .Accepts<ComparatorGroupBody>("application/json")
            .Produces<ComparatorGroupDefinition>()
            .Produces<ComparatorGroupDefinition>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutComparatorGroup")
            .WithSummary("Create or replace a comparator group: its name, the place it serves and the places it compares with (audited).");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? place, SqlCatalogue catalogue, CancellationToken cancellationToken) =>
        Results.Ok(await catalogue.ListComparatorGroupsAsync(place, cancellationToken));

    private static async Task<IResult> PutAsync(string id, ComparatorGroupBody body, ClaimsPrincipal user, SqlCatalogue catalogue,
        CatalogueWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var known = (await catalogue.ListPlacesAsync(cancellationToken)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var problems = new List<FieldProblem>();
        if (!CodeRules.IsIndicatorCode(id))
            problems.Add(new("id", "invalid_code", "The id must be lower-case letters and digits joined by hyphens, such as cipfa-trafford."));
        if (string.IsNullOrWhiteSpace(body.Name)) problems.Add(new("name", "required", "Enter the group's name."));
        else if (body.Name.Length > CodeRules.MaxTextLength)
            problems.Add(new("name", "too_long", $"The name must be {CodeRules.MaxTextLength} characters or fewer."));
        if (string.IsNullOrWhiteSpace(body.Place)) problems.Add(new("place", "required", "Name the place the group is for."));
        else if (!known.Contains(body.Place)) problems.Add(new("place", "unknown_place", $"No place has the code '{body.Place}'."));
        var members = body.Members ?? [];
        if (members.Count == 0) problems.Add(new("members", "required", "List at least one place to compare with."));
        if (members.Count > MaxMembers) problems.Add(new("members", "too_many", $"A group has at most {MaxMembers} places."));
        for (var i = 0; i < members.Count; i++)
        {
            if (!known.Contains(members[i] ?? "")) problems.Add(new($"members[{i}]", "unknown_place", $"No place has the code '{members[i]}'."));
            else if (members[i] == body.Place) problems.Add(new($"members[{i}]", "is_the_place", "A place is not its own comparator."));
            else if (members.Take(i).Contains(members[i])) problems.Add(new($"members[{i}]", "duplicate", $"'{members[i]}' is listed twice."));
        }
        if (problems.Count > 0) return ApiResults.Invalid(problems);

        var group = new ComparatorGroupDefinition(id, body.Name!.Trim(), body.Place!, [.. members]);
        var created = await writer.SaveComparatorGroupAsync(group, user.Actor(), time.GetUtcNow(), cancellationToken);
        return created ? Results.Created($"/api/v1/comparator-groups/{id}", group) : Results.Ok(group);
    }
}
