using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Api.Keys;

/// <summary>
/// API keys, for administrators only: an agency's key gets 403 on every one of these, its own agency's keys
/// included, so that no agency ever learns of another's keys (or of its own, beyond the one it holds).
/// </summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api-keys", ListAllAsync)
            .ForAdministrators()
            .Produces<IReadOnlyList<ApiKeyResource>>()
            .WithName("ListApiKeys")
            .WithSummary("Every key, agencies' and administrators', newest first: prefix, label and lifecycle, never the secret.");

        endpoints.MapGet("/agencies/{code}/keys", ListAsync)
            .ForAdministrators()
            .Produces<IReadOnlyList<ApiKeyResource>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListAgencyKeys")
            .WithSummary("One agency's keys, newest first.");

        endpoints.MapPost("/agencies/{code}/keys", CreateAsync)
            .ForAdministrators()
            .Accepts<ApiKeyRequest>("application/json")
            .Produces<CreatedApiKeyResource>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("CreateAgencyKey")
            .WithSummary("Make a key for the agency: the answer holds the whole key, the only time it is shown.");

        endpoints.MapPost("/api-keys/{id}/revoke", RevokeAsync)
            .ForAdministrators()
            .Produces<ApiKeyResource>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke a key for good (audited); revoking a revoked key changes nothing.");
        return endpoints;
    }

    private static async Task<IResult> ListAllAsync(ApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken) =>
        Results.Ok(ApiKeyResource.From(await keys.ListAsync(null, cancellationToken), time.GetUtcNow()));

    private static async Task<IResult> ListAsync(string code, ApiKeyStore keys, Store.ICatalogueReader catalogue, TimeProvider time,
        CancellationToken cancellationToken) =>
        await catalogue.FindAgencyAsync(code, cancellationToken) is null
            ? ApiResults.NotFound($"No agency has the code '{code}'.")
            : Results.Ok(ApiKeyResource.From(await keys.ListAsync(code, cancellationToken), time.GetUtcNow()));

    private static async Task<IResult> CreateAsync(string code, ApiKeyRequest? request, ClaimsPrincipal user, ApiKeyAdministration administration,
        CancellationToken cancellationToken)
    {
        var issue = await administration.IssueAsync(code, request ?? new ApiKeyRequest(null, null), user.Actor(), cancellationToken);
        return issue.Status switch
        {
            ApiKeyIssueStatus.UnknownAgency => ApiResults.NotFound($"No agency has the code '{code}'."),
            ApiKeyIssueStatus.Invalid => ApiResults.Invalid(issue.Problems),
            _ => Results.Created($"/api/v1/agencies/{Uri.EscapeDataString(code)}/keys",
                new CreatedApiKeyResource(issue.Key!.Id, issue.Key.Prefix, issue.Key.Key, code, request?.Label?.Trim(), issue.ExpiresAt)),
        };
    }

    private static async Task<IResult> RevokeAsync(string id, ClaimsPrincipal user, ApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await keys.RevokeAsync(id, user.Actor(), cancellationToken) == RevokeOutcome.NotFound)
            return ApiResults.NotFound($"No key has the id '{id}'.");
        return Results.Ok(ApiKeyResource.From(await keys.FindSummaryAsync(id, cancellationToken) ?? throw new InvalidOperationException(), time.GetUtcNow()));
    }
}

/// <summary>A key as the API lists it: never its secret.</summary>
public sealed record ApiKeyResource(
    string Id, string Prefix, string? Agency, bool Admin, string? Label, string State, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static ApiKeyResource From(ApiKeySummary k, DateTimeOffset now) => new(k.Id, k.Prefix, k.AgencyCode, k.IsAdmin, k.Label,
        k.StateAt(now).ToString().ToLowerInvariant(), k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt, k.RevokedBy);

    public static IReadOnlyList<ApiKeyResource> From(IReadOnlyList<ApiKeySummary> keys, DateTimeOffset now) => [.. keys.Select(k => From(k, now))];
}

/// <summary>A key just made: <see cref="Key"/> is shown this once.</summary>
public sealed record CreatedApiKeyResource(string Id, string Prefix, string Key, string Agency, string? Label, DateTimeOffset? ExpiresAt);
