using System.Globalization;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Api;

/// <summary>
/// Collects a body's problems, each naming its field as the body names it (<c>evidence[1].reference</c>), with the
/// checks the boards' and the committees' rules share: text, dates written <c>yyyy-MM-dd</c>, catalogue names.
/// </summary>
public class FieldProblems
{
    /// <summary>The years a typed date may fall in: those a reporting period may (see <c>Period.TryParse</c>).</summary>
    public const int MinYear = 1900, MaxYear = 2999;

    public List<FieldProblem> List { get; } = [];
    public bool Any => List.Count > 0;

    public void Add(string field, string code, string message) => List.Add(new FieldProblem(field, code, message));

    public string? Text(string? value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "required", $"{field} is required.");
        else if (value.Trim().Length > max) Add(field, "too_long", $"{field} is longer than {max} characters.");
        else return value.Trim();
        return null;
    }

    public string? Optional(string? value, string field, int max) => string.IsNullOrWhiteSpace(value) ? null : Text(value, field, max);

    public DateOnly? Date(string? value, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "required", $"{field} is required, as yyyy-MM-dd.");
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            Add(field, "invalid_date", $"{field} must be a date written yyyy-MM-dd.");
        // The years periods may have: a day near the end of the calendar (9999-12-31) would overflow the days and
        // months reckoned from it (a response due months later, a milestone missed days after).
        else if (day.Year is < MinYear or > MaxYear)
            Add(field, "out_of_range", $"{field} must be a date in the years {MinYear} to {MaxYear}.");
        else return day;
        return null;
    }

    public T? OneOf<T>(string? value, string field) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "required", $"{field} is required: one of {string.Join(", ", CatalogueNames.Names<T>())}.");
        else if (CatalogueNames.TryParse<T>(value.Trim(), out var parsed)) return parsed;
        else Add(field, "not_one_of", $"{field} must be one of {string.Join(", ", CatalogueNames.Names<T>())}.");
        return null;
    }
}
