using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Api.Places;
using Scrutiny.Silo.Boards;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// <c>/api/v1/boards/{id}/cases</c>: a commitment's or cohort's cost-benefit case, by the commitment's or cohort's id. Anyone reads it, worked out from the values
/// they may see (the public's from published values only, as the board's figures are); the board's members and
/// administrators state it.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints, string board)
    {
        var cases = $"{board}/cases";
        endpoints.MapGet(cases, ListAsync).ForAnyone()
            .Produces<IReadOnlyList<CaseResource>>().ProducesProblem(StatusCodes.Status404NotFound).WithName("ListCases")
            .WithSummary("Every cost-benefit case the board states (its commitments', then its cohorts'), worked out from the values the reader may see.");
        endpoints.MapGet($"{cases}/{{subject}}", GetAsync).ForAnyone()
            .Produces<CaseResource>(StatusCodes.Status200OK, "application/json", ExportFormats.CsvMediaType, ExportFormats.XlsxMediaType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCase")
            .WithSummary("A commitment's or cohort's case: assumptions, outcomes by period against the baseline, years, present values, who pays and who gains. ?format=csv for a spreadsheet with the assumptions in its first rows, ?format=xlsx for a workbook.");
        endpoints.MapPut($"{cases}/{{subject}}", PutAsync).ForBoard("PutCase",
            "State a commitment's or cohort's case: when the work started, deadweight and attribution in per cent, and the outcomes valued by unit costs (audited).");
        endpoints.MapDelete($"{cases}/{{subject}}", DeleteAsync).ForBoard("DeleteCase", "Withdraw a case (audited).", StatusCodes.Status204NoContent);
        return endpoints;
    }

    private static Task<IResult> ListAsync(string id, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue, IGrainFactory grains,
        CaseReader reader, CancellationToken cancellationToken) =>
        BoardsApi.WithBoardAsync(id, user, catalogue, dataViews, BoardsApi.Anyone, async (board, view) =>
        {
            var records = (await Grain(grains, id).GetBoardAsync(view))!;
            var appraisals = await reader.ForAllAsync(records, view, cancellationToken: cancellationToken);
            return Results.Ok(appraisals.Select(a => CaseResource.From(id, a)));
        });

    private static Task<IResult> GetAsync(string id, string subject, string? format, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        IGrainFactory grains, CaseReader reader, CancellationToken cancellationToken) =>
        BoardsApi.WithBoardAsync(id, user, catalogue, dataViews, BoardsApi.Anyone, async (board, view) =>
        {
            if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
            var records = (await Grain(grains, id).GetBoardAsync(view))!;
            if (Grains.Benefits.CaseSubject.Find(records, subject) is null) return NoSubject(subject);
            if (await reader.ForAsync(records, subject, view, cancellationToken) is not { } appraisal)
                return ApiResults.NotFound($"The board states no case for '{subject}'.");
            return exportFormat != ExportFormat.Json
                ? exportFormat.Table($"{id}_{subject}_case", csv => CaseCsv.Write(csv, id, appraisal), CaseCsv.About(id, appraisal, TableViews.Of(view)))
                : Results.Ok(CaseResource.From(id, appraisal));
        });

    private static Task<IResult> PutAsync(string id, string subject, CaseBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        IGrainFactory grains, CaseEditor editor, CaseReader reader, CancellationToken cancellationToken) =>
        BoardsApi.WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
        {
            var set = await editor.SetAsync(board, subject, body, user.Actor(), cancellationToken);
            if (set.NotFound) return NoSubject(subject);
            if (set.Value is null) return ApiResults.Invalid(set.Problems);
            var records = (await Grain(grains, id).GetBoardAsync(view))!;
            return Results.Ok(CaseResource.From(id, (await reader.ForAsync(records, subject, view, cancellationToken))!));
        });

    private static Task<IResult> DeleteAsync(string id, string subject, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue, CaseEditor editor) =>
        BoardsApi.WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
            await editor.ClearAsync(board, subject, user.Actor())
                ? Results.NoContent()
                : ApiResults.NotFound($"The board states no case for '{subject}'."));

    private static IResult NoSubject(string subject) => ApiResults.NotFound($"The board has no commitment or cohort '{subject}'.");

    private static IPartnershipBoardGrain Grain(IGrainFactory grains, string id) => grains.Grain<IPartnershipBoardGrain>(id);
}
