using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Schedule;

public static class ScheduleApi
{
    /// <summary>Completeness, "our returns" and reopenings. Each endpoint names who may call it.</summary>
    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/completeness", CompletenessEndpoints.ForPlaceAsync)
            .RequireAuthorization(ScrutinyAuth.AnyKeyPolicy)
            .Produces<PlaceCompleteness>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("GetCompleteness")
            .WithSummary("Completeness and timeliness of a place's returns for a period: expected agencies, received, on time, late, missing.")
            .WithDescription("Administrators see every expected agency; an agency key sees only its own returns.");

        endpoints.MapGet("/agencies/{code}/returns", CompletenessEndpoints.ForAgencyAsync)
            .RequireAuthorization(ScheduleAuth.OwnAgencyOrAdminPolicy)
            .Produces<AgencyReturns>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("GetAgencyReturns")
            .WithSummary("\"Our returns\": every return the agency owes over its indicators' recent periods, with status.");

        endpoints.MapPost("/agencies/{code}/reopenings", ReopeningEndpoints.ReopenAsync)
            .RequireAuthorization(ScrutinyAuth.AdminPolicy)
            .Accepts<ReopeningRequest>("application/json")
            .Produces<PeriodReopening>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ReopenPeriod")
            .WithSummary("Reopen a locked period of an indicator for one agency, with a reason the audit keeps.");

        endpoints.MapGet("/agencies/{code}/reopenings", ReopeningEndpoints.ListAsync)
            .RequireAuthorization(ScrutinyAuth.AdminPolicy)
            .Produces<IReadOnlyList<PeriodReopening>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListReopenings")
            .WithSummary("The periods reopened for an agency, with who reopened them, when and why.");
        return endpoints;
    }
}
