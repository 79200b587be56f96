using System.Globalization;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>How dates and times read on every page: GOV.UK style ("4 June 2026"), times in UTC and saying so.</summary>
public static class Dates
{
    public static string Day(DateOnly day) => Scrutiny.Silo.Committees.DayText.Words(day);

    public static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.UtcDateTime));

    public static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
