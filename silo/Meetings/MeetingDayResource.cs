using Scrutiny.Silo.Committees;

namespace Scrutiny.Silo.Meetings;

/// <summary>A meeting as the API writes it: its id, its day, and how many times it has moved (its calendar SEQUENCE).</summary>
public sealed record MeetingDayResource(string Id, string On, int Moves)
{
    public static MeetingDayResource From(Meeting meeting) => new(meeting.Id, DayText.Of(meeting.On), meeting.Sequence);
}
