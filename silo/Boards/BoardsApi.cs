using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Benefits;
using Scrutiny.Silo.Meetings;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Boards;

/// <summary>
/// <c>/api/v1/boards</c>: anyone reads boards' summaries and records (commitments and their statuses, Turn the Curve,
/// the pooled budget), derived from the values the reader may see; the meeting view is read, and the records are
/// written, by those <see cref="BoardAccess"/> lets in. Every
/// write is audited in the transaction that makes it; a bad body gets 422 naming each field.
/// </summary>
public static class BoardsApi
{
    private const string Board = "/boards/{id}";
    private const string Commitment = Board + "/commitments/{commitment}";

    public static IEndpointRouteBuilder MapBoardsApi(this IEndpointRouteBuilder endpoints)
    {
        var publicRead = new[]
        {
            endpoints.MapGet("/boards", ListAsync).WithName("ListBoards").WithSummary("Every board's summary: place, chair, members, meetings, commitments by status."),
            endpoints.MapGet(Board, GetSummaryAsync).WithName("GetBoardSummary").WithSummary("One board's summary."),
        };
        foreach (var e in publicRead) e.ForAnyone().Produces<BoardSummaryResource>();

        // Residents see what their services promised: a board's records are public, with statuses and series derived
        // from published values for anyone not entitled to more (DataViews), as the board's pages show them.
        endpoints.MapGet($"{Board}/commitments", GetBoardAsync).ForAnyone()
            .Produces<BoardResource>().ProducesProblem(StatusCodes.Status404NotFound).WithName("GetBoardRecords")
            .WithSummary("The board's commitments with their statuses (derived now, and any override), Turn-the-Curve plans and pooled budget.");
        endpoints.MapGet($"{Board}/turn-the-curve/{{indicator}}", GetCurveAsync).ForAnyone()
            .Produces<TurnTheCurveResource>().ProducesProblem(StatusCodes.Status404NotFound).WithName("GetTurnTheCurve")
            .WithSummary("Turn the Curve for an indicator: history with the baseline forecast, the story, partners, what works, and the commitments that are its action plan.");

        endpoints.MapGet($"{Board}/meeting", GetMeetingAsync).ForBoard("GetBoardMeeting",
            "What changed since the last meeting (or ?since=yyyy-MM-dd): statuses, missed milestones, special causes, recommendations awaiting a response.");
        endpoints.MapPut($"{Board}/details", PutDetailsAsync).ForBoard("PutBoardDetails", "Set the chair and meeting dates (administrators and board members).");
        endpoints.MapGet($"{Board}/meetings", GetMeetingsAsync).ForAnyone().Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetBoardMeetings").WithSummary("The meetings with their ids (a meeting's id is its calendar event's; it survives a move), by day.");
        endpoints.MapPut($"{Board}/meetings/{{meeting}}", PutMeetingAsync).ForBoard("MoveBoardMeeting",
            "Move one meeting to another day, keeping its id, so that subscribed calendars move it (administrators and board members; body: {\"on\": \"yyyy-MM-dd\"}).");
        endpoints.MapPost($"{Board}/commitments", PostCommitmentAsync).ForBoard("PostCommitment", "Make a commitment.", StatusCodes.Status201Created);
        endpoints.MapPut(Commitment, PutCommitmentAsync).ForBoard("PutCommitment", "Replace a commitment's fields (milestones, updates and history are kept).");
        endpoints.MapPost($"{Commitment}/milestones", PostMilestoneAsync).ForBoard("PostMilestone", "Add a milestone.", StatusCodes.Status201Created);
        endpoints.MapPut($"{Commitment}/milestones/{{milestone}}", PutMilestoneAsync).ForBoard("PutMilestone", "Change a milestone (completedOn marks it done).");
        endpoints.MapPost($"{Commitment}/updates", PostUpdateAsync).ForBoard("PostCommitmentUpdate", "Add an update with its evidence.", StatusCodes.Status201Created);
        endpoints.MapPut($"{Commitment}/override", PutOverrideAsync).ForBoard("PutStatusOverride", "Override the status with a reason, or clear it (status null).");
        endpoints.MapPost($"{Board}/fund", PostFundAsync).ForBoard("PostFundEntry", "Record a contribution to the pooled fund or a spend against a commitment.", StatusCodes.Status201Created);
        endpoints.MapGet($"{Board}/cohorts", GetCohortsAsync).ForAnyone()
            .Produces<IReadOnlyList<Grains.Boards.Cohort>>().ProducesProblem(StatusCodes.Status404NotFound).WithName("ListCohorts")
            .WithSummary("The board's cohorts: who is in each, the agencies that work with it, its size and outcome indicators, and the commitments for it.");
        endpoints.MapPost($"{Board}/cohorts", PostCohortAsync).ForBoard("PostCohort", "Define a cohort (audited).", StatusCodes.Status201Created);
        endpoints.MapPut($"{Board}/cohorts/{{cohort}}", PutCohortAsync).ForBoard("PutCohort", "Replace a cohort's fields (audited).");
        endpoints.MapCasesApi(Board);
        endpoints.MapPut($"{Board}/turn-the-curve/{{indicator}}", PutCurveAsync).ForBoard("PutTurnTheCurve", "Set the story, partners and what works.");
        return endpoints;
    }

    internal static RouteHandlerBuilder ForBoard(this RouteHandlerBuilder endpoint, string name, string summary, int success = StatusCodes.Status200OK) =>
        endpoint.ForAnyKey().Produces(success).Produces(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithName(name).WithSummary(summary);

    private static async Task<IResult> ListAsync(ICatalogue catalogue, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var boards = new List<BoardSummaryResource>();
        foreach (var board in await catalogue.ListBoardsAsync(null, cancellationToken))
            if (await grains.Grain<IPartnershipBoardGrain>(board.Id).GetBoardAsync(DataView.Published) is { } view) boards.Add(BoardSummaryResource.From(view));
        return Results.Ok(boards);
    }

    // A blank id names no board (the grain runtime would throw: a 500 for GET /boards/%09); the catalogue before the
    // grain, or every made-up id would leave an activation in memory until it had been idle a while.
    private static async Task<IResult> GetSummaryAsync(string id, ICatalogue catalogue, IGrainFactory grains) =>
        !string.IsNullOrWhiteSpace(id) && await catalogue.FindBoardAsync(id) is not null &&
        await grains.Grain<IPartnershipBoardGrain>(id).GetBoardAsync(DataView.Published) is { } view
            ? Results.Ok(BoardSummaryResource.From(view))
            : NoBoard(id);

    private static Task<IResult> GetBoardAsync(string id, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, Anyone, async (board, view) =>
            Results.Ok(BoardResource.From((await Grain(grains, id).GetBoardAsync(view))!)));

    private static Task<IResult> GetMeetingAsync(string id, string? since, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue, BoardMeetingView meetings,
        CancellationToken cancellationToken) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
        {
            DateOnly? from = null;
            if (since is not null)
            {
                if (!DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return ApiResults.Invalid([new FieldProblem("since", "invalid_date", "since must be a date written yyyy-MM-dd.")]);
                from = day;
            }
            return Results.Ok(MeetingResource.From((await meetings.GetAsync(board, from, view, cancellationToken))!));
        });

    private static Task<IResult> PutDetailsAsync(string id, BoardDetailsBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor, IGrainFactory grains, CancellationToken cancellationToken) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MaySetDetails, async (board, view) =>
        {
            var set = await editor.SetDetailsAsync(board, body, user.Actor(), cancellationToken);
            if (set.Value is null) return ApiResults.Invalid(set.Problems);
            return Results.Ok(BoardSummaryResource.From((await Grain(grains, id).GetBoardAsync(view))!));
        });

    private static async Task<IResult> GetMeetingsAsync(string id, ICatalogue catalogue, BoardDetailsStore details, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(id) && await catalogue.FindBoardAsync(id) is not null
            ? Results.Ok((await details.ListMeetingsAsync(id, cancellationToken)).Select(MeetingDayResource.From))
            : NoBoard(id);

    private static Task<IResult> PutMeetingAsync(string id, string meeting, MeetingMoveBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor, CancellationToken cancellationToken) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MaySetDetails, async (board, view) =>
        {
            var moved = await editor.MoveMeetingAsync(board, meeting, body, user.Actor(), cancellationToken);
            if (moved.NotFound) return ApiResults.NotFound($"The board '{id}' has no meeting '{meeting}'.");
            return moved.Value is { } m ? Results.Ok(MeetingDayResource.From(m)) : ApiResults.Invalid(moved.Problems);
        });

    private static Task<IResult> PostCommitmentAsync(string id, CommitmentBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
        {
            var created = await editor.CreateCommitmentAsync(board, body, user.Actor());
            if (created.Value is not { } commitment) return ApiResults.Invalid(created.Problems);
            return Results.Created($"/api/v1/boards/{id}/commitments/{commitment.Id}", await CommitmentAsync(grains, id, commitment.Id, view));
        });

    private static Task<IResult> PutCommitmentAsync(string id, string commitment, CommitmentBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
            await CommitmentAnswerAsync(await editor.UpdateCommitmentAsync(board, commitment, body, user.Actor()), grains, id, commitment, view,
                created: false));

    private static Task<IResult> PostMilestoneAsync(string id, string commitment, MilestoneBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
            await CommitmentAnswerAsync(await editor.AddMilestoneAsync(board, commitment, body, user.Actor()), grains, id, commitment, view,
                created: true));

    private static Task<IResult> PutMilestoneAsync(string id, string commitment, string milestone, MilestoneBody body, ClaimsPrincipal user, DataViews dataViews,
        ICatalogue catalogue, BoardEditor editor, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
            await CommitmentAnswerAsync(await editor.UpdateMilestoneAsync(board, commitment, milestone, body, user.Actor()), grains, id, commitment, view,
                created: false,
                notFound: $"The board has no commitment '{commitment}' with a milestone '{milestone}'."));

    private static Task<IResult> PostUpdateAsync(string id, string commitment, UpdateBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
            await CommitmentAnswerAsync(await editor.AddUpdateAsync(board, commitment, body, user.Actor()), grains, id, commitment, view,
                created: true));

    private static Task<IResult> PutOverrideAsync(string id, string commitment, OverrideBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
            await CommitmentAnswerAsync(await editor.OverrideStatusAsync(board, commitment, body, user.Actor()), grains, id, commitment, view,
                created: false));

    private static Task<IResult> PostFundAsync(string id, FundBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue, BoardEditor editor,
        IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
        {
            var added = await editor.AddFundEntryAsync(board, body, user.Actor());
            if (added.Value is not { } entry) return ApiResults.Invalid(added.Problems);
            var budget = (await Grain(grains, id).GetBoardAsync(view))!.Budget;
            return Results.Json(new { entry, budget = budget.Select(BudgetYearResource.From) }, statusCode: StatusCodes.Status201Created);
        });

    private static Task<IResult> GetCohortsAsync(string id, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, Anyone, async (board, view) => Results.Ok((await Grain(grains, id).GetBoardAsync(view))!.Cohorts));

    private static Task<IResult> PostCohortAsync(string id, CohortBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
        {
            var created = await editor.CreateCohortAsync(board, body, user.Actor());
            return created.Value is { } cohort
                ? Results.Created($"/api/v1/boards/{id}/cohorts/{cohort.Id}", cohort)
                : ApiResults.Invalid(created.Problems);
        });

    private static Task<IResult> PutCohortAsync(string id, string cohort, CohortBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
        {
            var updated = await editor.UpdateCohortAsync(board, cohort, body, user.Actor());
            return updated switch
            {
                { NotFound: true } => ApiResults.NotFound($"The board has no cohort '{cohort}'."),
                { Value: null } => ApiResults.Invalid(updated.Problems),
                _ => Results.Ok(updated.Value),
            };
        });

    private static Task<IResult> GetCurveAsync(string id, string indicator, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, Anyone, async (board, view) =>
            await catalogue.FindIndicatorAsync(indicator) is null
                ? ApiResults.NotFound($"No indicator has the code '{indicator}'.")
                : Results.Ok(await TurnTheCurveResource.ForAsync(board, indicator, grains, view)));

    private static Task<IResult> PutCurveAsync(string id, string indicator, TurnTheCurveBody body, ClaimsPrincipal user, DataViews dataViews, ICatalogue catalogue,
        BoardEditor editor, IGrainFactory grains) =>
        WithBoardAsync(id, user, catalogue, dataViews, BoardAccess.MayWork, async (board, view) =>
        {
            if (await catalogue.FindIndicatorAsync(indicator) is null) return ApiResults.NotFound($"No indicator has the code '{indicator}'.");
            var set = await editor.SetTurnTheCurveAsync(board, indicator, body, user.Actor());
            if (set.Value is null) return ApiResults.Invalid(set.Problems);
            return Results.Ok(await TurnTheCurveResource.ForAsync(board, indicator, grains, view));
        });

    /// <summary>The public reads: the view (published values unless entitled) is what keeps them safe.</summary>
    internal static bool Anyone(ClaimsPrincipal user, PartnershipBoard board) => true;

    /// <summary>Finds the board (404), checks the caller may (403), then does the work in the caller's view of the place.</summary>
    internal static async Task<IResult> WithBoardAsync(string id, ClaimsPrincipal user, ICatalogue catalogue, DataViews dataViews,
        Func<ClaimsPrincipal, PartnershipBoard, bool> may, Func<PartnershipBoard, DataView, Task<IResult>> work)
    {
        if (await catalogue.FindBoardAsync(id) is not { } board) return NoBoard(id);
        if (!may(user, board))
            return Results.Problem(title: "Forbidden.", statusCode: StatusCodes.Status403Forbidden,
                detail: $"Only an administrator, an agency on {board.Name} or one of its members may do this.");
        // Statuses and series are derived from the values this reader may see (an agency's key: published ones).
        return await work(board, await dataViews.ForAsync(user, board.PlaceCode));
    }

    private static async Task<CommitmentResource> CommitmentAsync(IGrainFactory grains, string id, string commitment, DataView view)
    {
        var board = (await Grain(grains, id).GetBoardAsync(view))!;
        return CommitmentResource.From(board.Commitments.Single(c => c.Commitment.Id == commitment), board.Today);
    }

    private static IPartnershipBoardGrain Grain(IGrainFactory grains, string id) => grains.Grain<IPartnershipBoardGrain>(id);

    private static IResult NoBoard(string id) => ApiResults.NotFound($"No board has the id '{id}'.");

    private static IResult NoCommitment(string id) => ApiResults.NotFound($"The board has no commitment '{id}'.");

    /// <summary>A change to a commitment answered alike by every endpoint: 404, 422 with the problems, or the commitment as it now stands.</summary>
    private static async Task<IResult> CommitmentAnswerAsync<T>(BoardEdit<T> edit, IGrainFactory grains, string id, string commitment, DataView view,
        bool created, string? notFound = null) where T : class => edit switch
    {
        { NotFound: true } => notFound is null ? NoCommitment(commitment) : ApiResults.NotFound(notFound),
        { Value: null } => ApiResults.Invalid(edit.Problems),
        _ when created => Results.Json(await CommitmentAsync(grains, id, commitment, view), statusCode: StatusCodes.Status201Created),
        _ => Results.Ok(await CommitmentAsync(grains, id, commitment, view)),
    };
}
