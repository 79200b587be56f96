namespace Scrutiny.Dashboard.Calendars;

/// <summary>
/// A page's calendar before it is written: addresses are the site's own paths, made absolute for the request by
/// <see cref="IcsWriter"/>.
/// </summary>
public sealed record Calendar(string Name, string PagePath, IReadOnlyList<CalendarEvent> Events);

/// <summary>
/// One all-day event. <see cref="Uid"/> names the record and what it is (<c>committee-x-meeting-id</c>), never its day, so
/// that a calendar app updates the event in place when the day moves; <see cref="Sequence"/> rises with each move, so
/// that the app takes the newer version. <see cref="Modified"/> is when the event last changed, null when not known.
/// </summary>
public sealed record CalendarEvent(string Uid, DateOnly Day, string Summary, string Description, string PagePath, int Sequence, DateTimeOffset? Modified);
