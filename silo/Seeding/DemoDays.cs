using System.Globalization;
using Scrutiny.Grains.Boards;

namespace Scrutiny.Silo.Seeding;

/// <summary>The demo's calendar: days as the API writes them, financial years, meetings on a weekday every few weeks.</summary>
public static class DemoDays
{
    private const string Format = "yyyy-MM-dd";

    public static string Text(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    /// <summary>1 April of the financial year the day falls in.</summary>
    public static DateOnly FinancialYearStart(DateOnly day) =>
        new(day.Month >= FinancialYear.FirstMonth ? day.Year : day.Year - 1, FinancialYear.FirstMonth, 1);

    /// <summary>
    /// The day the demo boards made their commitments: 20 days into the financial year before last, so that a case
    /// counted from it has two whole years and the current one.
    /// </summary>
    public static DateOnly CommitmentsMade(DateOnly today) => FinancialYearStart(today).AddYears(-2).AddDays(20);

    /// <summary>The latest <paramref name="weekday"/> on or before <paramref name="day"/>.</summary>
    public static DateOnly OnOrBefore(DateOnly day, DayOfWeek weekday) =>
        day.AddDays(-(((int)day.DayOfWeek - (int)weekday + 7) % 7));

    /// <summary>Meetings every <paramref name="weeks"/> weeks: <paramref name="before"/> before <paramref name="last"/>, it, and <paramref name="after"/> after.</summary>
    public static IReadOnlyList<DateOnly> Every(int weeks, DateOnly last, int before, int after) =>
        [.. Enumerable.Range(-before, before + after + 1).Select(i => last.AddDays(i * weeks * 7))];
}
