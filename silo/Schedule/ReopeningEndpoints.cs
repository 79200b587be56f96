using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Schedule;

/// <summary>Handlers of an administrator's reopenings of locked periods.</summary>
internal static class ReopeningEndpoints
{
    public static async Task<IResult> ReopenAsync(string code, ReopeningRequest? request, ClaimsPrincipal user, SqlCatalogue catalogue,
        PeriodLocks locks, PeriodReopenings reopenings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAgencyAsync(code, cancellationToken) is null) return ApiResults.NotFound($"No agency has the code '{code}'.");

        var problems = new List<FieldProblem>();
        IndicatorDefinition? indicator = null;
        if (string.IsNullOrWhiteSpace(request?.Indicator)) problems.Add(new("indicator", "required", "An indicator code is required."));
        else if ((indicator = await catalogue.FindIndicatorAsync(request.Indicator, cancellationToken)) is null)
            problems.Add(new("indicator", "unknown_indicator", $"No indicator has the code '{request.Indicator}'."));

        Period? period = null;
        if (string.IsNullOrWhiteSpace(request?.Period)) problems.Add(new("period", "required", "A period is required."));
        else if (indicator is not null && !Period.TryParse(request.Period, indicator.Frequency, out period))
            problems.Add(new("period", "invalid_period",
                $"'{request.Period}' is not a {CatalogueNames.Name(indicator.Frequency)} period (write it like {Period.Example(indicator.Frequency)})."));

        if (string.IsNullOrWhiteSpace(request?.Reason)) problems.Add(new("reason", "required", "A reason is required; the audit keeps it."));
        if (problems.Count > 0 || indicator is null || period is not { } p) return ApiResults.Invalid(problems);

        var checker = await locks.LoadAsync(code, cancellationToken);
        if (checker.IsReopened(indicator.Code, p))
            return Results.Problem(title: "Already reopened.", detail: $"{indicator.Code} {p} is already reopened for {code}.",
                statusCode: StatusCodes.Status409Conflict);
        if (!checker.IsLocked(indicator.Code, p, time.Today()))
            return ApiResults.Invalid<FieldProblem>([new("period", "not_locked", $"{indicator.Code} {p} is not locked; there is nothing to reopen.")]);

        var actor = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var reopening = await reopenings.AddAsync(code, indicator.Code, p, request!.Reason!.Trim(), actor, cancellationToken);
        return Results.Created($"/api/v1/agencies/{Uri.EscapeDataString(code)}/reopenings", reopening);
    }

    public static async Task<IResult> ListAsync(string code, SqlCatalogue catalogue, PeriodReopenings reopenings, CancellationToken cancellationToken) =>
        await catalogue.FindAgencyAsync(code, cancellationToken) is null
            ? ApiResults.NotFound($"No agency has the code '{code}'.")
            : Results.Ok(await reopenings.ListAsync(code, cancellationToken));
}
