using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// The unit-cost catalogue and the appraisal settings: anyone reads them (every case shows the figures it rests on),
/// an administrator keeps them; every write is audited.
/// </summary>
public static class AppraisalApi
{
    public static IEndpointRouteBuilder MapAppraisalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/unit-costs", ListAsync).ForAnyone()
            .Produces<IReadOnlyList<UnitCostResource>>().WithName("ListUnitCosts")
            .WithSummary("Every unit cost: what it is, who bears it, its value in pence at its price year, source, licence, confidence grade and kind.");
        endpoints.MapPost("/unit-costs", ImportAsync).ForAdministrators()
            .Accepts<string>("text/csv").Produces<UnitCostImportResource>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithName("ImportUnitCosts")
            .WithSummary("Create or replace unit costs from a CSV (code,name,borne_by,value,price_year,grade,kind,source[,licence,illustrative]), all or none (audited).");
        endpoints.MapPut("/unit-costs/{code}", PutAsync).ForAdministrators()
            .Accepts<UnitCostBody>("application/json").Produces<UnitCostResource>().Produces<UnitCostResource>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithName("PutUnitCost")
            .WithSummary("Create or replace a unit cost; value in pounds and pence at priceYear's prices (audited).");
        endpoints.MapGet("/appraisal-settings", GetSettingsAsync).ForAnyone()
            .Produces<AppraisalSettingsResource>().WithName("GetAppraisalSettings")
            .WithSummary("The discount rate, price year, optimism bias by confidence grade and deflator series every case is worked out with.");
        endpoints.MapPut("/appraisal-settings", PutSettingsAsync).ForAdministrators()
            .Accepts<AppraisalSettingsBody>("application/json").Produces<AppraisalSettingsResource>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithName("PutAppraisalSettings")
            .WithSummary("Replace the appraisal settings (audited).");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(AppraisalStore store, CancellationToken cancellationToken) =>
        Results.Ok((await store.ListUnitCostsAsync(cancellationToken)).Select(UnitCostResource.From));

    private static async Task<IResult> PutAsync(string code, UnitCostBody body, ClaimsPrincipal user, CaseEditor editor, CancellationToken cancellationToken)
    {
        var (saved, problems) = await editor.SaveUnitCostAsync(code, body, user.Actor(), cancellationToken);
        if (saved.Count == 0) return ApiResults.Invalid(problems);
        var (cost, created) = saved[0];
        return created ? Results.Created($"/api/v1/unit-costs/{code}", UnitCostResource.From(cost)) : Results.Ok(UnitCostResource.From(cost));
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ClaimsPrincipal user, CaseEditor editor, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase))
            return Results.Problem(title: "Send the unit costs as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (await BoundedBody.ReadAsync(request, UnitCostCsv.MaxBytes, cancellationToken) is not { } file)
            return Results.Problem(title: "The file is too large.", detail: $"A unit-cost import is at most {UnitCostCsv.MaxBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        var import = await editor.ImportUnitCostsAsync(file, user.Actor(), cancellationToken);
        return import.Written ? Results.Ok(UnitCostImportResource.From(import)) : ApiResults.Invalid(import.Problems);
    }

    private static async Task<IResult> GetSettingsAsync(AppraisalStore store, CancellationToken cancellationToken) =>
        Results.Ok(AppraisalSettingsResource.From(await store.GetSettingsAsync(cancellationToken)));

    private static async Task<IResult> PutSettingsAsync(AppraisalSettingsBody body, ClaimsPrincipal user, CaseEditor editor, CancellationToken cancellationToken)
    {
        var (settings, problems) = await editor.SaveSettingsAsync(body, user.Actor(), cancellationToken);
        return settings is null ? ApiResults.Invalid(problems) : Results.Ok(AppraisalSettingsResource.From(settings));
    }
}
