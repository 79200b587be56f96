using System.Globalization;

namespace Scrutiny.Silo.Committees;

/// <summary>Days as the store keeps them and the API writes them (<c>yyyy-MM-dd</c>), and as people read them (<see cref="Words"/>).</summary>
public static class DayText
{
    /// <summary>A day as GOV.UK writes it, on pages and in emails alike: 10 March 2026.</summary>
    public static string Words(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public const string Format = "yyyy-MM-dd";

    public static string Of(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    public static string? Of(DateOnly? day) => day is { } d ? Of(d) : null;

    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    public static DateOnly? ParseOrNull(string? text) => text is null ? null : Parse(text);

    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
