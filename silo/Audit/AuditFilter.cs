using System.Globalization;
using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Audit;

/// <summary>
/// What to look for in the audit log: actor and subject containing some text (any case), one action exactly, and
/// the days (UTC, both inclusive) it happened between. Empty parts match everything.
/// </summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? Subject = null, DateOnly? From = null, DateOnly? To = null)
{
    public const string DateFormat = "yyyy-MM-dd";

    public static AuditFilter Everything { get; } = new();

    /// <summary>The filter as typed in a query string or form, or the problems with its dates.</summary>
    public static (AuditFilter Filter, IReadOnlyList<FieldProblem> Problems) Parse(string? actor, string? action, string? subject, string? from, string? to)
    {
        var problems = new List<FieldProblem>();
        var fromDate = Date(from, "from", problems);
        var toDate = Date(to, "to", problems);
        if (fromDate > toDate)
            problems.Add(new FieldProblem("to", "before_from", "The date to must be the same as or after the date from"));
        return (new AuditFilter(Trimmed(actor), Trimmed(action), Trimmed(subject), fromDate, toDate), problems);
    }

    /// <summary>The filter as query-string parameters, for links to other pages and to the CSV of the same search.</summary>
    public string ToQuery(params (string Name, string? Value)[] extra)
    {
        (string, string?)[] parts =
        [
            ("actor", Actor), ("action", Action), ("subject", Subject), ("from", From?.ToString(DateFormat, CultureInfo.InvariantCulture)),
            ("to", To?.ToString(DateFormat, CultureInfo.InvariantCulture)), .. extra,
        ];
        var query = string.Join("&", parts.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        return query.Length == 0 ? "" : "?" + query;
    }

    private static DateOnly? Date(string? text, string field, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add(new FieldProblem(field, "invalid_date", $"Enter the date {field} as a year, month and day, like 2026-07-31"));
        return null;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
