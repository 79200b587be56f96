using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Meetings;

namespace Scrutiny.Silo.Boards;

/// <summary>
/// What a change to a board's records came to: the record written, or the problems by field (nothing written), or
/// neither when the commitment or milestone it names does not exist.
/// </summary>
public sealed record BoardEdit<T>(T? Value, IReadOnlyList<FieldProblem> Problems) where T : class
{
    public bool NotFound => Value is null && Problems.Count == 0;

    public static BoardEdit<T> Invalid(IReadOnlyList<FieldProblem> problems) => new(null, problems);
}

/// <summary>
/// The one way a board's records change, for the API and the dashboard's forms alike: the body is checked by
/// <see cref="BoardBodyRules"/>, then written by the board's grain (or <see cref="BoardDetailsStore"/>) with its audit
/// row, <paramref name="actor"/> recorded as who made it. Who may call is the caller's business (<see cref="BoardAccess"/>).
/// </summary>
public sealed class BoardEditor(BoardBodyRules rules, IGrainFactory grains, BoardDetailsStore details, TimeProvider time)
{
    public async Task<BoardEdit<Commitment>> CreateCommitmentAsync(PartnershipBoard board, CommitmentBody body, string actor)
    {
        var (draft, problems) = await rules.CommitmentAsync(board, body);
        return draft is null ? BoardEdit<Commitment>.Invalid(problems) : new(await Grain(board).CreateCommitmentAsync(draft, Change(actor)), []);
    }

    public async Task<BoardEdit<Commitment>> UpdateCommitmentAsync(PartnershipBoard board, string commitment, CommitmentBody body, string actor)
    {
        var (draft, problems) = await rules.CommitmentAsync(board, body);
        return draft is null ? BoardEdit<Commitment>.Invalid(problems) : new(await Grain(board).UpdateCommitmentAsync(commitment, draft, Change(actor)), []);
    }

    public async Task<BoardEdit<Milestone>> AddMilestoneAsync(PartnershipBoard board, string commitment, MilestoneBody body, string actor)
    {
        var (draft, problems) = rules.Milestone(board, body);
        return draft is null ? BoardEdit<Milestone>.Invalid(problems) : new(await Grain(board).AddMilestoneAsync(commitment, draft, Change(actor)), []);
    }

    public async Task<BoardEdit<Milestone>> UpdateMilestoneAsync(PartnershipBoard board, string commitment, string milestone, MilestoneBody body, string actor)
    {
        var (draft, problems) = rules.Milestone(board, body);
        return draft is null
            ? BoardEdit<Milestone>.Invalid(problems)
            : new(await Grain(board).UpdateMilestoneAsync(commitment, milestone, draft, Change(actor)), []);
    }

    public async Task<BoardEdit<CommitmentUpdate>> AddUpdateAsync(PartnershipBoard board, string commitment, UpdateBody body, string actor)
    {
        var (update, problems) = rules.Update(body);
        return update is not { } u
            ? BoardEdit<CommitmentUpdate>.Invalid(problems)
            : new(await Grain(board).AddUpdateAsync(commitment, u.Text, u.Evidence, Change(actor)), []);
    }

    /// <summary>Overrides the status, or clears the override when the body's status is null; the reason is kept either way.</summary>
    public async Task<BoardEdit<Commitment>> OverrideStatusAsync(PartnershipBoard board, string commitment, OverrideBody body, string actor)
    {
        var (change, problems) = rules.Override(body);
        return change is not { } o
            ? BoardEdit<Commitment>.Invalid(problems)
            : new(await Grain(board).OverrideStatusAsync(commitment, o.Status, Change(actor, o.Reason)), []);
    }

    public async Task<BoardEdit<FundEntry>> AddFundEntryAsync(PartnershipBoard board, FundBody body, string actor)
    {
        var records = await RecordsAsync(board);
        var (draft, problems) = rules.Fund(board, [.. records.Commitments.Select(c => c.Commitment.Id)], body);
        return draft is null ? BoardEdit<FundEntry>.Invalid(problems) : new(await Grain(board).AddFundEntryAsync(draft, Change(actor)), []);
    }

    public async Task<BoardEdit<Cohort>> CreateCohortAsync(PartnershipBoard board, CohortBody body, string actor)
    {
        var (draft, problems) = await CohortDraftAsync(board, body);
        return draft is null ? BoardEdit<Cohort>.Invalid(problems) : new(await Grain(board).CreateCohortAsync(draft, Change(actor)), []);
    }

    /// <summary>Not found (before any check of the body) when the board has no such cohort.</summary>
    public async Task<BoardEdit<Cohort>> UpdateCohortAsync(PartnershipBoard board, string cohort, CohortBody body, string actor)
    {
        var records = await RecordsAsync(board);
        if (records.Cohorts.All(c => c.Id != cohort)) return new(null, []);
        var (draft, problems) = await rules.CohortAsync(board, [.. records.Commitments.Select(c => c.Commitment.Id)], body);
        return draft is null ? BoardEdit<Cohort>.Invalid(problems) : new(await Grain(board).UpdateCohortAsync(cohort, draft, Change(actor)), []);
    }

    private async Task<(CohortDraft?, List<FieldProblem>)> CohortDraftAsync(PartnershipBoard board, CohortBody body) =>
        await rules.CohortAsync(board, [.. (await RecordsAsync(board)).Commitments.Select(c => c.Commitment.Id)], body);

    // Only the commitments' and cohorts' ids are wanted, which are the same in every view.
    private async Task<BoardView> RecordsAsync(PartnershipBoard board) => (await Grain(board).GetBoardAsync(DataView.Published))!;

    /// <summary>The indicator is the caller's to check (an unknown one is a missing page or resource, not a field's problem).</summary>
    public async Task<BoardEdit<TurnTheCurvePlan>> SetTurnTheCurveAsync(PartnershipBoard board, string indicator, TurnTheCurveBody body, string actor)
    {
        var (plan, problems) = await rules.TurnTheCurveAsync(body);
        return plan is not { } p
            ? BoardEdit<TurnTheCurvePlan>.Invalid(problems)
            : new(await Grain(board).SetTurnTheCurveAsync(indicator, p.Story, p.Partners, p.WhatWorks, Change(actor)), []);
    }

    /// <summary>Sets the chair and meeting dates, then refreshes the board so that open pages hear of it.</summary>
    /// <param name="moves">
    /// A meeting's id and the date now in its box (the board's form shows each meeting in its own box): a changed date
    /// moves the meeting, keeping its id, so that subscribed calendars move it. Dates are checked as <paramref name="body"/>'s are.
    /// </param>
    public async Task<BoardEdit<PartnershipBoard>> SetDetailsAsync(PartnershipBoard board, BoardDetailsBody body, string actor,
        CancellationToken cancellationToken = default, IReadOnlyList<(string Meeting, string? On)>? moves = null)
    {
        var (set, problems) = rules.Details(body);
        if (set is not { } d) return BoardEdit<PartnershipBoard>.Invalid(problems);
        var moving = (moves ?? []).Where(m => DayText.TryParse(m.On, out _)).Select(m => (m.Meeting, DayText.Parse(m.On!.Trim()))).ToList();
        await details.SetAsync(board.Id, d.Chair, d.Meetings, actor, time.GetUtcNow(), cancellationToken, moving);
        // The grain reads the catalogue on each call; a refresh tells open pages.
        await Grain(board).RefreshStatusesAsync();
        return new(board with { Chair = d.Chair, Meetings = d.Meetings }, []);
    }

    /// <summary>Moves one meeting to another day, keeping its id; null (with no problems) when the board has no such meeting.</summary>
    public async Task<BoardEdit<Meeting>> MoveMeetingAsync(PartnershipBoard board, string meetingId, MeetingMoveBody body, string actor,
        CancellationToken cancellationToken = default)
    {
        var p = new FieldProblems();
        if (p.Date(body.On, "on", required: true) is not { } on) return BoardEdit<Meeting>.Invalid(p.List);
        var move = await details.MoveMeetingAsync(board.Id, meetingId, on, actor, time.GetUtcNow(), cancellationToken);
        switch (move.Outcome)
        {
            case MeetingMoveOutcome.NoMeeting: return new(null, []);
            case MeetingMoveOutcome.DayTaken: return BoardEdit<Meeting>.Invalid([new FieldProblem("on", "duplicate", $"The board already meets on {on:yyyy-MM-dd}.")]);
        }
        await Grain(board).RefreshStatusesAsync();
        return new(move.After, []);
    }

    private IPartnershipBoardGrain Grain(PartnershipBoard board) => grains.Grain<IPartnershipBoardGrain>(board.Id);

    private BoardChange Change(string actor, string? reason = null) => new(actor, time.GetUtcNow(), reason);
}
