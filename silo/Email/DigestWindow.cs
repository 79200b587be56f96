using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Schedule;

namespace Scrutiny.Silo.Email;

/// <summary>
/// The days a weekly digest written on <see cref="Day"/> covers: the <see cref="PastDays"/> days before it (from
/// 00:00 UTC on <see cref="Since"/> up to 00:00 on <see cref="Day"/>, so that one week's digest starts where the last
/// ended, whatever the hour each was written), and the <see cref="AheadDays"/> days from it.
/// </summary>
public sealed record DigestWindow(DateOnly Day)
{
    public const int PastDays = 7;

    /// <summary>Two weeks ahead: a deadline shows in two digests, the second in the week it falls.</summary>
    public const int AheadDays = 14;

    public DateOnly Since => Day.AddDays(-PastDays);

    public DateTimeOffset From => ReturnStatusRules.StartOf(Since);

    public DateTimeOffset To => ReturnStatusRules.StartOf(Day);

    /// <summary>The last day ahead a deadline is listed for.</summary>
    public DateOnly LastAhead => Day.AddDays(AheadDays - 1);

    public bool InPast(DateTimeOffset at) => at >= From && at < To;

    public bool InPast(DateOnly day) => day >= Since && day < Day;

    public bool Ahead(DateOnly day) => day >= Day && day <= LastAhead;

    /// <summary>The past week in words: "30 November to 6 December 2026".</summary>
    public string PastWords => Range(Since, Day.AddDays(-1));

    /// <summary>The days ahead in words: "7 to 20 December 2026".</summary>
    public string AheadWords => Range(Day, LastAhead);

    private static string Range(DateOnly first, DateOnly last) =>
        first.Year != last.Year ? $"{DayText.Words(first)} to {DayText.Words(last)}"
        : first.Month != last.Month ? $"{first.Day} {first.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture)} to {DayText.Words(last)}"
        : $"{first.Day} to {DayText.Words(last)}";
}
