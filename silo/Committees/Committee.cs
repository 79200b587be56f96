namespace Scrutiny.Silo.Committees;

/// <summary>
/// A place's scrutiny committee. <see cref="Id"/> is the scope of its members' role; <see cref="ResponseMonths"/> is
/// how long an addressee has to respond to its recommendations.
/// </summary>
public sealed record Committee(string Id, string Name, string PlaceCode, int ResponseMonths, IReadOnlyList<DateOnly> Meetings)
{
    /// <summary>Two months, the usual time an executive or partner is given to respond to a scrutiny report.</summary>
    public const int DefaultResponseMonths = 2;
}

/// <summary>What a work-programme topic or a recommendation's evidence points at.</summary>
public enum LinkKind { Indicator, Commitment, Board, Panel }

/// <summary>
/// A link by kind and reference: an indicator in a place (<c>{place}/{indicator}</c>), a board's commitment
/// (<c>{board}/{commitment}</c>), a board (<c>{board}</c>) or a panel (<c>{panel}</c>).
/// </summary>
public sealed record Link(LinkKind Kind, string Reference);

public enum TopicStatus { Planned, InProgress, Done, Deferred }

/// <summary>A topic in the committee's work programme: what it will look at, at which meeting, and how far it has got.</summary>
public sealed record WorkProgrammeTopic(
    string Id, string CommitteeId, string Title, string? Description, DateOnly? MeetingOn, TopicStatus Status, IReadOnlyList<Link> Links);
