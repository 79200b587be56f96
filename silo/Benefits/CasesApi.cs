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
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// <c>/api/v1/boards/{id}/cases</c>: a commitment's cost-benefit case. Anyone reads it, worked out from the values
/// they may see (the public's from published values only, as the board's figures are); the board's members and
/// administrators state it.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints, string board)
    {
        var cases = $"{board}/cases";
        endpoints.MapGet(cases, ListAsync).RequireAuthorization(ScrutinyAuth.NoBadKeyPolicy)
            .Produces<IReadOnlyList<CaseResource>>().ProducesProblem(StatusCodes.Status404NotFound).WithName("ListCases")
            .WithSummary("Every commitment's cost-benefit case the board states, worked out from the values the reader may see.");
        endpoints.MapGet($"{cases}/{{commitment}}", GetAsync).RequireAuthorization(ScrutinyAuth.NoBadKeyPolicy)
            .Produces<CaseResource>(StatusCodes.Status200OK, "application/json", "text/csv").ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCase")
            .WithSummary("A commitment's case: assumptions, outcomes by period against the baseline, years, present values, who pays and who gains. ?format=csv for a spreadsheet with the assumptions in its first rows.");
        endpoints.MapPut($"{cases}/{{commitment}}", PutAsync).ForBoard("PutCase",
            "State a commitment's case: when the work started, deadweight and attribution in per cent, and the outcomes valued by unit costs (audited).");
        endpoints.MapDelete($"{cases}/{{commitment}}", DeleteAsync).ForBoard("DeleteCase", "Withdraw a commitment's case (audited).", StatusCodes.Status204NoContent);
        return endpoints;
    }

    private static Task<IResult> ListAsync(string id, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue, IGrainFactory grains,
        CaseReader reader, CancellationToken cancellationToken) =>
        BoardsApi.WithBoardAsync(id, user, catalogue, dataViews, BoardsApi.Anyone, async (board, view) =>
        {
            var records = (await Grain(grains, id).GetBoardAsync(view))!;
            var appraisals = await reader.ForAllAsync(records, view, cancellationToken: cancellationToken);
            return Results.Ok(appraisals.Select(a => CaseResource.From(id, Commitment(records, a.Settings.Commitment), a)));
        });

    private static Task<IResult> GetAsync(string id, string commitment, string? format, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        IGrainFactory grains, CaseReader reader, CancellationToken cancellationToken) =>
        BoardsApi.WithBoardAsync(id, user, catalogue, dataViews, BoardsApi.Anyone, async (board, view) =>
        {
            if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
            var records = (await Grain(grains, id).GetBoardAsync(view))!;
            if (records.Commitments.All(c => c.Commitment.Id != commitment)) return ApiResults.NotFound($"The board has no commitment '{commitment}'.");
            if (await reader.ForAsync(records, commitment, view, cancellationToken) is not { } appraisal)
                return ApiResults.NotFound($"The board states no case for commitment '{commitment}'.");
            var made = Commitment(records, commitment);
            return exportFormat == ExportFormat.Csv
                ? SafeCsv.Download($"{id}_{commitment}_case.csv", csv => CaseCsv.Write(csv, id, made, appraisal))
                : Results.Ok(CaseResource.From(id, made, appraisal));
        });

    private static Task<IResult> PutAsync(string id, string commitment, CaseBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        IGrainFactory grains, CaseEditor editor, CaseReader reader, CancellationToken cancellationToken) =>
        BoardsApi.WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
        {
            var set = await editor.SetAsync(board, commitment, body, user.Actor(), cancellationToken);
            if (set.NotFound) return ApiResults.NotFound($"The board has no commitment '{commitment}'.");
            if (set.Value is null) return ApiResults.Invalid(set.Problems);
            var records = (await Grain(grains, id).GetBoardAsync(view))!;
            return Results.Ok(CaseResource.From(id, Commitment(records, commitment), (await reader.ForAsync(records, commitment, view, cancellationToken))!));
        });

    private static Task<IResult> DeleteAsync(string id, string commitment, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue, CaseEditor editor) =>
        BoardsApi.WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
            await editor.ClearAsync(board, commitment, user.Actor())
                ? Results.NoContent()
                : ApiResults.NotFound($"The board states no case for commitment '{commitment}'."));

    private static Grains.Boards.Commitment Commitment(BoardView records, string id) => records.Commitments.Single(c => c.Commitment.Id == id).Commitment;

    private static IPartnershipBoardGrain Grain(IGrainFactory grains, string id) => grains.GetGrain<IPartnershipBoardGrain>(id);
}
