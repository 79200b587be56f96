namespace Scrutiny.Grains.Boards;

/// <summary>A value of the commitment's headline indicator on a date: where it started, or where it promises to be.</summary>
[GenerateSerializer, Immutable]
public sealed record Measure(double Value, DateOnly Date);

/// <summary>
/// A board's joint promise for a population result. Its first linked indicator is the headline one, measured by
/// <see cref="Baseline"/> and <see cref="Target"/>; the others are watched for special-cause movement.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Commitment(
    string Id,
    string Title,
    string Result,
    IReadOnlyList<string> Indicators,
    Measure? Baseline,
    Measure? Target,
    string LeadAgency,
    IReadOnlyList<string> ContributingAgencies,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<CommitmentUpdate> Updates,
    StatusOverride? Override,
    IReadOnlyList<StatusChange> History,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>The status last recorded in <see cref="History"/>; null before the first.</summary>
    public StatusChange? Recorded => History.Count > 0 ? History[^1] : null;
}

/// <summary>
/// A step of a commitment, owned by one agency, due on a day, done on a day. <paramref name="Revision"/> counts its edits
/// and <paramref name="UpdatedAt"/> says when it was added or last edited (null for one stored before either was kept):
/// a subscribed calendar takes a higher revision (its SEQUENCE) as a newer version of the same event, so a milestone
/// whose day moves moves there too.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Milestone(string Id, string Title, DateOnly Due, string Owner, DateOnly? CompletedOn, int Revision = 0, DateTimeOffset? UpdatedAt = null);

/// <summary>What a partner reports of a commitment, with the evidence for it (a document's address, a figure's source).</summary>
[GenerateSerializer, Immutable]
public sealed record CommitmentUpdate(string Id, string Text, string? Evidence, string By, DateTimeOffset At);

/// <summary>A status a commitment moved to, and why: kept whole, so the board sees every change since its last meeting.</summary>
[GenerateSerializer, Immutable]
public sealed record StatusChange(
    DateTimeOffset At, CommitmentStatus Status, CommitmentStatus Derived, bool Overridden, string? Reason, string By);
