using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Returns;

public static class ReturnsApi
{
    public static IEndpointRouteBuilder MapReturnsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/returns", SubmitAsync)
            .RequireAuthorization(ScrutinyAuth.AgencyPolicy)
            .Accepts<ReturnsBatch>("application/json")
            .Produces<ReturnsImportResult>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("SubmitReturns")
            .WithSummary("Submit a batch of indicator returns for the key's agency.");
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(
        ReturnsBatch batch, ClaimsPrincipal user, ReturnsImporter importer, bool? dryRun, CancellationToken cancellationToken)
    {
        var agency = user.AgencyCode()!;
        var submittedBy = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? agency;
        var (result, problems) = await importer.ImportAsync(agency, submittedBy, batch.Returns ?? [], dryRun ?? false, cancellationToken);
        if (result is not null) return Results.Ok(result);
        return Results.Problem(
            title: "The batch has problems; nothing was written.",
            detail: $"{problems.Count} problem(s) in {problems.Select(p => p.Row).Distinct().Count()} row(s).",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = problems });
    }
}
