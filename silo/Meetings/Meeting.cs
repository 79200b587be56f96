namespace Scrutiny.Silo.Meetings;

/// <summary>
/// A committee's or board's meeting as a calendar knows it: an id that outlives a change of date, the day, how many
/// times it has moved (its calendar SEQUENCE) and when it was added or last moved (null for a meeting stored before
/// meetings had ids).
/// </summary>
public sealed record Meeting(string Id, DateOnly On, int Sequence, DateTimeOffset? UpdatedAt);

/// <summary>Whose meetings: a committee's or a board's, each in its own table.</summary>
public sealed record MeetingOwner(string Kind, string Table, string OwnerColumn)
{
    public static readonly MeetingOwner Committee = new("committee", "committee_meetings", "committee_id");
    public static readonly MeetingOwner Board = new("board", "board_meetings", "board_id");
}

/// <summary>What became of a move: done (with the meeting as it was and as it is), no such meeting, or the day already taken.</summary>
public enum MeetingMoveOutcome { Moved, NoMeeting, DayTaken }

public sealed record MeetingMove(MeetingMoveOutcome Outcome, Meeting? Before = null, Meeting? After = null);

/// <summary>The body of a move: the meeting's new day, yyyy-MM-dd.</summary>
public sealed record MeetingMoveBody(string? On);
