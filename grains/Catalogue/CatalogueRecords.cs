namespace Scrutiny.Grains.Catalogue;

/// <summary>An area with a GSS code, such as E08000003 Manchester, and its parent.</summary>
[GenerateSerializer, Immutable]
public sealed record Place(string Code, string Name, string Type, string? ParentCode)
{
    /// <summary>England's GSS code: the national comparator of every place.</summary>
    public const string EnglandCode = "E92000001";
}

/// <summary>
/// A named set of places that an administrator chose for a place to be compared with, such as its CIPFA nearest
/// neighbours. The place itself is not one of <see cref="Members"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComparatorGroupDefinition(string Id, string Name, string PlaceCode, IReadOnlyList<string> Members);

/// <summary>A partner organisation: council, NHS trust, police force, DWP, a voluntary-sector body.</summary>
[GenerateSerializer, Immutable]
public sealed record Agency(string Code, string Name, string Sector);

/// <summary>
/// A place's multi-agency partnership board, its member agencies, who chairs it and when it meets (past and
/// planned meetings, oldest first).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartnershipBoard(
    string Id, string Name, string PlaceCode, IReadOnlyList<string> MemberAgencies, string? Chair = null,
    IReadOnlyList<DateOnly>? Meetings = null)
{
    public IReadOnlyList<DateOnly> MeetingDates => Meetings ?? [];

    /// <summary>The last meeting held before <paramref name="today"/>: what the meeting view counts changes from.</summary>
    public DateOnly? LastMeetingBefore(DateOnly today) => MeetingDates.Where(d => d < today).Cast<DateOnly?>().Max();

    /// <summary>The next meeting, today's included.</summary>
    public DateOnly? NextMeetingFrom(DateOnly today) => MeetingDates.Where(d => d >= today).Cast<DateOnly?>().Min();
}
