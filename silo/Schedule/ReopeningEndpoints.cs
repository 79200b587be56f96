using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Schedule;

/// <summary>Handlers of an administrator's reopenings of locked periods; <see cref="PeriodReopener"/> decides.</summary>
internal static class ReopeningEndpoints
{
    public static async Task<IResult> ReopenAsync(string code, ReopeningRequest? request, ClaimsPrincipal user, PeriodReopener reopener,
        CancellationToken cancellationToken)
    {
        var outcome = await reopener.ReopenAsync(code, request, user.Actor(), cancellationToken);
        return outcome.Status switch
        {
            ReopenStatus.Reopened => Results.Created($"/api/v1/agencies/{Uri.EscapeDataString(code)}/reopenings", outcome.Reopening),
            ReopenStatus.UnknownAgency => ApiResults.NotFound($"No agency has the code '{code}'."),
            ReopenStatus.AlreadyReopened => Results.Problem(title: "Already reopened.", detail: outcome.Problems[0].Message,
                statusCode: StatusCodes.Status409Conflict),
            _ => ApiResults.Invalid(outcome.Problems),
        };
    }

    public static async Task<IResult> ListAsync(string code, ICatalogueReader catalogue, PeriodReopenings reopenings, CancellationToken cancellationToken) =>
        await catalogue.FindAgencyAsync(code, cancellationToken) is null
            ? ApiResults.NotFound($"No agency has the code '{code}'.")
            : Results.Ok(await reopenings.ListAsync(code, cancellationToken));
}
