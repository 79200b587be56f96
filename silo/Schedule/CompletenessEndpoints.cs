using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Schedule;

/// <summary>Handlers of the completeness and "our returns" reads.</summary>
internal static class CompletenessEndpoints
{
    public static async Task<IResult> ForPlaceAsync(string? place, string? period, string? indicator, ClaimsPrincipal user,
        ICatalogueReader catalogue, Completeness completeness, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(place)) problems.Add(new("place", "required", "A place code is required."));
        else if (await catalogue.FindPlaceAsync(place, cancellationToken) is null)
            problems.Add(new("place", "unknown_place", $"No place has the code '{place}'."));

        IndicatorDefinition? definition = null;
        if (indicator is not null && (definition = await catalogue.FindIndicatorAsync(indicator, cancellationToken)) is null)
            problems.Add(new("indicator", "unknown_indicator", $"No indicator has the code '{indicator}'."));

        Period? parsed = null;
        if (string.IsNullOrWhiteSpace(period)) problems.Add(new("period", "required", "A period is required."));
        else if (definition is not null)
        {
            if (!Period.TryParse(period, definition.Frequency, out parsed))
                problems.Add(new("period", "invalid_period",
                    $"'{period}' is not a {CatalogueNames.Name(definition.Frequency)} period (write it like {Period.Example(definition.Frequency)})."));
        }
        else if (Period.TryParse(period, out var any)) parsed = any;
        else problems.Add(new("period", "invalid_period", $"'{period}' is not a period (write it like 2026-07, 2026-Q3, 2026, 2026/27 or 2026/27-Q1)."));

        if (problems.Count > 0 || parsed is not { } p) return ApiResults.Invalid(problems);
        return Results.Ok(await completeness.ForPlaceAsync(place!, p, indicator, user.VisibleAgency(), cancellationToken));
    }

    // periods is read as text, so that ?periods=x is the same named problem as ?periods=0, not a binding failure.
    public static async Task<IResult> ForAgencyAsync(string code, string? periods, ICatalogueReader catalogue, Completeness completeness,
        CancellationToken cancellationToken)
    {
        var count = Completeness.DefaultPeriods;
        if (!string.IsNullOrWhiteSpace(periods)
            && !PageNumber.TryWholeNumber(periods, 1, Completeness.MaxPeriods, out count))
            return ApiResults.Invalid<FieldProblem>([new("periods", "out_of_range", $"periods must be a whole number from 1 to {Completeness.MaxPeriods}.")]);
        if (await catalogue.FindAgencyAsync(code, cancellationToken) is null) return ApiResults.NotFound($"No agency has the code '{code}'.");
        return Results.Ok(await completeness.ForAgencyAsync(code, count, cancellationToken));
    }
}
