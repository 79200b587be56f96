namespace Scrutiny.Grains.Boards;

/// <summary>Where a board's commitment stands, in the words of a Results-Based Accountability scorecard.</summary>
[GenerateSerializer]
public enum CommitmentStatus
{
    OnTrack,
    AtRisk,
    OffTrack,
    Done,
}

/// <summary>
/// A person's judgement that replaces the derived status until it is cleared. The reason is required and kept, with
/// every earlier status, in the commitment's history.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StatusOverride(CommitmentStatus Status, string Reason, string By, DateTimeOffset At);

/// <summary>Why the derivation gave what it gave: a rule's code and what it concerns (a milestone, an indicator).</summary>
[GenerateSerializer, Immutable]
public sealed record StatusReason(string Code, string Subject);

/// <summary>
/// A commitment's status: <see cref="Status"/> is what the board sees (the override's, if any), <see cref="Derived"/>
/// what the milestones and indicators say, with the reasons.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StatusAssessment(
    CommitmentStatus Status, CommitmentStatus Derived, IReadOnlyList<StatusReason> Reasons, StatusOverride? Override);

/// <summary>The reason codes of <see cref="CommitmentStatusDeriver"/>.</summary>
public static class StatusReasons
{
    public const string MilestoneMissed = "milestone_missed";
    public const string MilestoneOverdue = "milestone_overdue";
    public const string IndicatorMovingAway = "indicator_moving_away";
    public const string TargetUnreachable = "target_unreachable";
    public const string AllDelivered = "all_delivered";
    public const string Overridden = "overridden";
}
