using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Places;

/// <summary>The body of <c>PUT …/target</c>: the new target (null to fall back on the catalogue's) and why.</summary>
public sealed record TargetBody(double? Value, string? Reason);

/// <summary>The body of <c>POST …/rebases</c>: the period from which the SPC limits start again, and why.</summary>
public sealed record RebaseBody(string? Period, string? Reason);

/// <summary>A place's settings for an indicator: its own target, the catalogue's, and the rebase points.</summary>
public sealed record IndicatorSettingsResource(
    string Place, string Indicator, double? Target, TargetResource? PlaceTarget, double? CatalogueTarget, IReadOnlyList<RebaseResource> Rebases)
{
    public static IndicatorSettingsResource From(string place, string indicator, IndicatorSettings s) =>
        new(place, indicator, s.EffectiveTarget, TargetResource.From(s.Target), s.CatalogueTarget, [.. s.Rebases.Select(RebaseResource.From)]);
}

/// <summary>
/// Targets and rebase points per place and indicator. Anyone reads them, with or without a key, as the indicator page
/// shows them; an administrator or an agency on one of the place's partnership boards changes them, each change with a
/// reason, audited.
/// </summary>
public static class IndicatorSettingsApi
{
    private const string Route = "/places/{place}/indicators/{indicator}";

    public static IEndpointRouteBuilder MapIndicatorSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{Route}/settings", GetAsync)
            .ForAnyone()
            .Produces<IndicatorSettingsResource>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetIndicatorSettings")
            .WithSummary("The place's target (its own, else the catalogue's) and SPC rebase points for the indicator, each with why, who and when.");

        endpoints.MapPut($"{Route}/target", PutTargetAsync)
            .ForAnyKey()
            .Accepts<TargetBody>("application/json")
            .Produces<IndicatorSettingsResource>()
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutTarget")
            .WithSummary("Set the place's target for the indicator, or clear it with a null value. An administrator or a partner agency of the place; a reason is required.");

        endpoints.MapPost($"{Route}/rebases", PostRebaseAsync)
            .ForAnyKey()
            .Accepts<RebaseBody>("application/json")
            .Produces<IndicatorSettingsResource>(StatusCodes.Status201Created)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PostRebase")
            .WithSummary("Start new SPC limits at a period (the process changed then). An administrator or a partner agency of the place; a reason is required.");

        endpoints.MapDelete($"{Route}/rebases/{{period}}", DeleteRebaseAsync)
            .ForAnyKey()
            .Produces<IndicatorSettingsResource>()
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("DeleteRebase")
            .WithSummary("Remove a rebase point; ?reason= is required.");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string place, string indicator, ICatalogueReader catalogue, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (await PlacesApi.FindAsync(place, indicator, catalogue, cancellationToken) is { } missing) return missing;
        // Settings (targets, rebase points) are the same in every view; they carry no values.
        var series = await grains.IndicatorGrain(place, indicator).GetSeriesAsync(DataView.All);
        return Results.Ok(IndicatorSettingsResource.From(place, indicator, series.Settings));
    }

    private static Task<IResult> PutTargetAsync(string place, string indicator, TargetBody body, ClaimsPrincipal user,
        ICatalogueReader catalogue, IndicatorSettingsEditor editor, CancellationToken cancellationToken) =>
        ChangeAsync(place, indicator, user, catalogue, editor, StatusCodes.Status200OK, cancellationToken,
            definition => editor.SetTargetAsync(definition, place, body.Value, body.Reason, user.Actor()));

    private static Task<IResult> PostRebaseAsync(string place, string indicator, RebaseBody body, ClaimsPrincipal user,
        ICatalogueReader catalogue, IndicatorSettingsEditor editor, CancellationToken cancellationToken) =>
        ChangeAsync(place, indicator, user, catalogue, editor, StatusCodes.Status201Created, cancellationToken,
            definition => editor.AddRebaseAsync(definition, place, body.Period, body.Reason, user.Actor()));

    private static Task<IResult> DeleteRebaseAsync(string place, string indicator, string period, string? reason, ClaimsPrincipal user,
        ICatalogueReader catalogue, IndicatorSettingsEditor editor, CancellationToken cancellationToken) =>
        ChangeAsync(place, indicator, user, catalogue, editor, StatusCodes.Status200OK, cancellationToken,
            definition => editor.RemoveRebaseAsync(definition, place, period, reason, user.Actor()));

    private static async Task<IResult> ChangeAsync(string place, string indicator, ClaimsPrincipal user, ICatalogueReader catalogue,
        IndicatorSettingsEditor editor, int successStatus, CancellationToken cancellationToken,
        Func<IndicatorDefinition, Task<SettingResult>> change)
    {
        if (await PlacesApi.FindAsync(place, indicator, catalogue, cancellationToken) is { } missing) return missing;
        var definition = (await catalogue.FindIndicatorAsync(indicator, cancellationToken))!;
        if (!await editor.MayChangeAsync(user, place, cancellationToken))
            return Results.Problem(title: "Forbidden.", statusCode: StatusCodes.Status403Forbidden,
                detail: $"Only an administrator or an agency on one of {place}'s partnership boards may change its settings.");

        var result = await change(definition);
        return result.Outcome switch
        {
            SettingOutcome.Invalid => ApiResults.Invalid(result.Problems),
            SettingOutcome.Conflict => ApiResults.Conflict("The change conflicts with the settings.", result.Problems[0].Message,
                new Dictionary<string, object?> { ["errors"] = result.Problems }),
            _ => Results.Json(IndicatorSettingsResource.From(place, indicator, result.Settings!), statusCode: successStatus),
        };
    }
}
