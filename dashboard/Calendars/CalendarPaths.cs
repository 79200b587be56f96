using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Committees;

namespace Scrutiny.Dashboard.Calendars;

/// <summary>Each page's calendar, beside the page, for the endpoints, the pages' links and the tests.</summary>
public static class CalendarPaths
{
    public const string FileName = "calendar.ics";

    public static string Committee(string id) => $"{CommitteePaths.Committee(id)}/{FileName}";

    public static string Board(string id) => $"{BoardPaths.Board(id)}/{FileName}";

    /// <summary>An agency's returns: not beside a page (the agency's pages name no agency), so under the agency's code.</summary>
    public static string Agency(string code) => $"/agencies/{Uri.EscapeDataString(code)}/{FileName}";
}
