using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Boards;

/// <summary>What anyone may read of a board.</summary>
public sealed record BoardSummaryResource(
    string Id, string Name, string Place, string PlaceName, string? Chair, IReadOnlyList<string> Members,
    IReadOnlyList<DateOnly> Meetings, IReadOnlyDictionary<string, int> Commitments)
{
    public static BoardSummaryResource From(BoardView view) => new(view.Board.Id, view.Board.Name, view.Place.Code, view.Place.Name,
        view.Board.Chair, view.Board.MemberAgencies, view.Board.MeetingDates,
        Enum.GetValues<CommitmentStatus>().ToDictionary(CatalogueNames.Name, s => view.Commitments.Count(c => c.Status.Status == s)));
}

/// <summary>A commitment with its status as derived now (<c>status</c> the board's, <c>derived</c> the rules').</summary>
public sealed record CommitmentResource(
    string Id, string Title, string Result, IReadOnlyList<string> Indicators, Measure? Baseline, Measure? Target,
    string LeadAgency, IReadOnlyList<string> ContributingAgencies, CommitmentStatus Status, CommitmentStatus Derived,
    IReadOnlyList<StatusReason> Reasons, StatusOverride? Override, IReadOnlyList<MilestoneResource> Milestones,
    IReadOnlyList<CommitmentUpdate> Updates, IReadOnlyList<StatusChange> History)
{
    public static CommitmentResource From(CommitmentView view, DateOnly today)
    {
        var c = view.Commitment;
        return new(c.Id, c.Title, c.Result, c.Indicators, c.Baseline, c.Target, c.LeadAgency, c.ContributingAgencies,
            view.Status.Status, view.Status.Derived, view.Status.Reasons, view.Status.Override,
            [.. c.Milestones.Select(m => MilestoneResource.From(m, today))], c.Updates, c.History);
    }
}

public sealed record MilestoneResource(string Id, string Title, DateOnly Due, string Owner, DateOnly? CompletedOn, MilestoneState State)
{
    public static MilestoneResource From(Milestone m, DateOnly today) =>
        new(m.Id, m.Title, m.Due, m.Owner, m.CompletedOn, MilestoneStates.Of(m.Due, m.CompletedOn, today));
}

/// <summary>A pooled-fund year in pence (integers: money is never a floating-point number here).</summary>
public sealed record BudgetYearResource(
    string FinancialYear, long ContributedPence, long SpentPence, long BalancePence,
    IReadOnlyDictionary<string, long> ContributedByAgency, IReadOnlyDictionary<string, long> ContributedBySector,
    IReadOnlyDictionary<string, long> SpentByAgency, IReadOnlyDictionary<string, long> SpentBySector,
    IReadOnlyDictionary<string, long> SpentByCommitment)
{
    public static BudgetYearResource From(PooledBudgetYear y) => new(y.FinancialYear, y.ContributedPence, y.SpentPence, y.BalancePence,
        y.ContributedByAgency, y.ContributedBySector, y.SpentByAgency, y.SpentBySector, y.SpentByCommitment);
}

/// <summary>Everything a board's workers see.</summary>
public sealed record BoardResource(
    BoardSummaryResource Board, IReadOnlyList<CommitmentResource> Commitments, IReadOnlyList<TurnTheCurvePlan> TurnTheCurve,
    IReadOnlyList<BudgetYearResource> Budget)
{
    public static BoardResource From(BoardView view) => new(BoardSummaryResource.From(view),
        [.. view.Commitments.Select(c => CommitmentResource.From(c, view.Today))], view.Plans, [.. view.Budget.Select(BudgetYearResource.From)]);
}

/// <summary>The meeting view: since when, what moved, what was missed, what shows special cause, what awaits a response.</summary>
public sealed record MeetingResource(
    string Board, DateOnly Since, DateOnly? LastMeeting, DateOnly? NextMeeting,
    IReadOnlyList<StatusMoveResource> StatusChanges, IReadOnlyList<MissedMilestoneResource> MissedMilestones,
    IReadOnlyList<SpecialCauseIndicator> SpecialCauses, IReadOnlyList<RecommendationAwaitingResponse> Recommendations)
{
    public static MeetingResource From(BoardMeeting m) => new(m.Changes.Board.Board.Id, m.Changes.Since, m.LastMeeting, m.NextMeeting,
        [.. m.Changes.StatusMoves.Select(s => new StatusMoveResource(s.Commitment.Id, s.Commitment.Title, s.Was, s.Now.Status, s.Now.Reasons, s.Changes))],
        [.. m.Changes.MissedMilestones.Select(x => new MissedMilestoneResource(x.Commitment.Id, x.Milestone.Id, x.Milestone.Title, x.Milestone.Owner, x.Milestone.Due, x.DaysLate))],
        m.Changes.SpecialCauses, m.Recommendations);
}

public sealed record StatusMoveResource(string Commitment, string Title, CommitmentStatus? Was, CommitmentStatus Now,
    IReadOnlyList<StatusReason> Reasons, IReadOnlyList<StatusChange> Changes);

public sealed record MissedMilestoneResource(string Commitment, string Milestone, string Title, string Owner, DateOnly Due, int DaysLate);
