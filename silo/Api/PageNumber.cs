using System.Globalization;

namespace Scrutiny.Silo.Api;

/// <summary>
/// A page number as typed in a query string (<c>?page=3</c>): digits only, from 1. Read as text and checked here,
/// so that <c>?page=x</c>, <c>1e10</c> or a number past <see cref="int.MaxValue"/> is a problem naming the field
/// rather than a binding failure (a bare 400 from the API, a 500 from a page, the raw text in the log).
/// </summary>
public static class PageNumber
{
    public const string Field = "page";

    /// <summary>The page asked for (1 when none is), or the problem with it.</summary>
    public static (int Page, FieldProblem? Problem) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (1, null);
        return TryWholeNumber(text, 1, int.MaxValue, out var page)
            ? (page, null)
            : (1, new FieldProblem(Field, "invalid_page", $"Enter the page as a whole number from 1 to {int.MaxValue}"));
    }

    /// <summary>
    /// A whole number typed into a query string, digits only (no sign, exponent or separators), within
    /// <paramref name="min"/> to <paramref name="max"/>: what every count or page read as text takes.
    /// </summary>
    public static bool TryWholeNumber(string text, int min, int max, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
