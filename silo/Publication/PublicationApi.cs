using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

/// <summary>Releases of periods of indicators published on an administrator's release.</summary>
public static class PublicationApi
{
    public static IEndpointRouteBuilder MapPublicationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/indicators/{code}/releases", ReleaseAsync)
            .RequireAuthorization(ScrutinyAuth.AdminPolicy)
            .Accepts<ReleaseRequest>("application/json")
            .Produces<PeriodRelease>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ReleasePeriod")
            .WithSummary("Publish one period of an indicator whose rule is on_release, in every place at once; audited, and not undone.");

        // Which periods are public is itself public knowledge (a release calendar): anyone may read it.
        endpoints.MapGet("/indicators/{code}/releases", ListAsync)
            .ForAnyone()
            .Produces<IReadOnlyList<PeriodRelease>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListReleases")
            .WithSummary("The periods of an indicator released so far, newest first, with who released them and when.");
        return endpoints;
    }

    private static async Task<IResult> ReleaseAsync(string code, ReleaseRequest? request, ClaimsPrincipal user, PeriodReleaser releaser,
        CancellationToken cancellationToken)
    {
        var outcome = await releaser.ReleaseAsync(code, request, user.Actor(), cancellationToken);
        return outcome.Status switch
        {
            ReleaseStatus.Released => Results.Created($"/api/v1/indicators/{Uri.EscapeDataString(code)}/releases", outcome.Release),
            ReleaseStatus.UnknownIndicator => ApiResults.NotFound($"No indicator has the code '{code}'."),
            ReleaseStatus.AlreadyReleased or ReleaseStatus.NotReleasedByAdministrator =>
                ApiResults.Conflict("Nothing to release.", outcome.Problems[0].Message),
            _ => ApiResults.Invalid(outcome.Problems),
        };
    }

    private static async Task<IResult> ListAsync(string code, ICatalogueReader catalogue, PublicationReleases releases, CancellationToken cancellationToken) =>
        await catalogue.FindIndicatorAsync(code, cancellationToken) is null
            ? ApiResults.NotFound($"No indicator has the code '{code}'.")
            : Results.Ok(await releases.ListAsync(code, cancellationToken));
}
