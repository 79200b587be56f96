using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Grains.Contracts;

/// <summary>
/// A partnership board, keyed by its id: the board and its members from the catalogue, its place's latest outcomes,
/// and its own records — commitments with milestones, updates and status overrides, Turn-the-Curve plans and the
/// pooled fund. Every write is one transaction with its audit rows, then one change on <c>board:{id}</c>.
/// Methods that concern a commitment answer null (or false) when the board has no such commitment.
/// </summary>
[Alias("partnership-board")]
public interface IPartnershipBoardGrain : IGrainWithStringKey
{
    /// <summary>Null when no board has this id.</summary>
    [Alias("get-summary")]
    Task<BoardSummary?> GetSummaryAsync();

    /// <summary>
    /// The board with every commitment's status derived now from its milestones and its indicators' values in
    /// <paramref name="view"/> (the public's summary counts statuses from published values only); null when no board
    /// has this id.
    /// </summary>
    [Alias("get-board")]
    Task<BoardView?> GetBoardAsync(DataView view);

    /// <summary>What changed since <paramref name="since"/> (the last meeting): for the meeting view and the board pack.</summary>
    [Alias("get-changes-since")]
    Task<MeetingChanges?> GetChangesSinceAsync(DateOnly since, DataView view);

    [Alias("create-commitment")]
    Task<Commitment> CreateCommitmentAsync(CommitmentDraft draft, BoardChange change);

    [Alias("update-commitment")]
    Task<Commitment?> UpdateCommitmentAsync(string commitmentId, CommitmentDraft draft, BoardChange change);

    [Alias("add-milestone")]
    Task<Milestone?> AddMilestoneAsync(string commitmentId, MilestoneDraft draft, BoardChange change);

    [Alias("update-milestone")]
    Task<Milestone?> UpdateMilestoneAsync(string commitmentId, string milestoneId, MilestoneDraft draft, BoardChange change);

    [Alias("add-update")]
    Task<CommitmentUpdate?> AddUpdateAsync(string commitmentId, string text, string? evidence, BoardChange change);

    /// <summary>Overrides the status (the change's reason is required and kept), or clears the override when <paramref name="status"/> is null.</summary>
    [Alias("override-status")]
    Task<Commitment?> OverrideStatusAsync(string commitmentId, CommitmentStatus? status, BoardChange change);

    [Alias("add-fund-entry")]
    Task<FundEntry> AddFundEntryAsync(FundEntryDraft draft, BoardChange change);

    [Alias("set-turn-the-curve")]
    Task<TurnTheCurvePlan> SetTurnTheCurveAsync(string indicator, string story, IReadOnlyList<CurvePartner> partners,
        IReadOnlyList<WhatWorksIdea> whatWorks, BoardChange change);

    [Alias("create-cohort")]
    Task<Cohort> CreateCohortAsync(CohortDraft draft, BoardChange change);

    [Alias("update-cohort")]
    Task<Cohort?> UpdateCohortAsync(string cohortId, CohortDraft draft, BoardChange change);

    /// <summary>
    /// Sets what the board states for the cost-benefit case of a commitment or cohort (<paramref name="subjectId"/>), or
    /// clears it when <paramref name="draft"/> is null; null when the board has no such commitment or cohort.
    /// </summary>
    [Alias("set-case")]
    Task<CaseSettings?> SetCaseAsync(string subjectId, CaseDraft? draft, BoardChange change);

    /// <summary>
    /// One-way (the place grain calls it after each change, and must never wait on a board that reads indicators); the
    /// refreshes asked for within <c>PartnershipBoardGrain.RefreshCoalescing</c> of each other run once.
    /// Derives every commitment's status again and records those that moved (a linked indicator changed): one change
    /// on <c>board:{id}</c> whatever moved, since the board's pages show the indicators' latest values too. The
    /// recorded statuses are derived from published values (<see cref="DataView.Published"/>), since every partner of
    /// the board reads the history;
    /// <paramref name="unpublished"/> marks the change as one only entitled watchers hear of, when an unpublished
    /// value caused it.
    /// </summary>
    [OneWay, Alias("refresh-statuses")]
    Task RefreshStatusesAsync(bool unpublished = false);
}

[GenerateSerializer, Immutable]
public sealed record BoardSummary(
    PartnershipBoard Board, Place Place, IReadOnlyList<Agency> Members, IReadOnlyList<IndicatorLatest> Latest);

/// <summary>A commitment with its status as derived now.</summary>
[GenerateSerializer, Immutable]
public sealed record CommitmentView(Commitment Commitment, StatusAssessment Status);

/// <summary>Everything the board's page and API show of a board.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardView(
    PartnershipBoard Board, Place Place, IReadOnlyList<Agency> Members, IReadOnlyList<CommitmentView> Commitments,
    IReadOnlyList<TurnTheCurvePlan> Plans, IReadOnlyList<FundEntry> Fund, IReadOnlyList<PooledBudgetYear> Budget, DateOnly Today,
    IReadOnlyList<CaseSettings> Cases, IReadOnlyList<Cohort> Cohorts)
{
    /// <summary>The case of the commitment or cohort with this id; null when the board states none.</summary>
    public CaseSettings? CaseOf(string subject) => Cases.FirstOrDefault(c => c.Subject == subject);
}

/// <summary>A commitment whose status changed since the last meeting: what it was then and what it is now.</summary>
[GenerateSerializer, Immutable]
public sealed record StatusMove(Commitment Commitment, CommitmentStatus? Was, StatusAssessment Now, IReadOnlyList<StatusChange> Changes);

/// <summary>A milestone that became missed since the last meeting.</summary>
[GenerateSerializer, Immutable]
public sealed record MissedMilestone(Commitment Commitment, Milestone Milestone, int DaysLate);

/// <summary>A linked indicator whose latest point is a special cause, and the commitments it serves.</summary>
[GenerateSerializer, Immutable]
public sealed record SpecialCauseIndicator(
    string Indicator, string Title, string Period, double? Value, Statistics.Spc.PointType PointType, IReadOnlyList<string> Commitments);

/// <summary>What a board meeting looks at: what changed since the last one.</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingChanges(
    BoardView Board, DateOnly Since, IReadOnlyList<StatusMove> StatusMoves, IReadOnlyList<MissedMilestone> MissedMilestones,
    IReadOnlyList<SpecialCauseIndicator> SpecialCauses);

/// <summary>A commitment's status as recorded, appended to <c>commitment_status_history</c> with the board's state.</summary>
public sealed record CommitmentStatusEntry(string Board, string Commitment, StatusChange Change) : IAppendRecord;

/// <summary>A movement of the pooled fund, appended to <c>pooled_fund_ledger</c> with the board's state.</summary>
public sealed record FundLedgerEntry(string Board, FundEntry Entry) : IAppendRecord;

/// <summary>The audit actions of a board's records.</summary>
public static class BoardActions
{
    public const string CommitmentCreated = "commitment_created";
    public const string CommitmentUpdated = "commitment_updated";
    public const string MilestoneAdded = "milestone_added";
    public const string MilestoneUpdated = "milestone_updated";
    public const string UpdateAdded = "commitment_update_added";
    public const string StatusOverridden = "commitment_status_overridden";
    public const string OverrideCleared = "commitment_override_cleared";
    public const string FundContribution = "pooled_fund_contribution";
    public const string FundSpend = "pooled_fund_spend";
    public const string TurnTheCurveSet = "turn_the_curve_set";
    public const string CohortCreated = "cohort_created";
    public const string CohortUpdated = "cohort_updated";
    public const string CaseSet = "benefit_case_set";
    public const string CaseCleared = "benefit_case_cleared";
    public const string DetailsSet = "board_details_set";
    public const string MeetingMoved = "board_meeting_moved";
}
