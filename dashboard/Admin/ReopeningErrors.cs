using Scrutiny.Silo.Api;

namespace Scrutiny.Dashboard.Admin;

/// <summary>
/// <see cref="Scrutiny.Silo.Schedule.PeriodReopener"/>'s problems as the reopening form words them: GOV.UK's "Enter a
/// reason" for an empty field, titles rather than codes for the rest.
/// </summary>
public static class ReopeningErrors
{
    /// <summary>The form's inputs are named as the request's fields, so that a problem's field is its input's id.</summary>
    public static string InputFor(FieldProblem problem) => problem.Field is "indicator" or "period" or "reason" ? problem.Field : "indicator";

    public static string MessageFor(FieldProblem problem, string? indicatorTitle, string? period) => (problem.Field, problem.Code) switch
    {
        ("indicator", "required") => "Select an indicator",
        ("indicator", "unknown_indicator") => "Select an indicator from the list",
        ("period", "required") => "Enter a period",
        ("reason", "required") => "Enter a reason for reopening the period; the audit keeps it",
        ("period", "not_locked") => $"{indicatorTitle} for {period} is not locked, so there is nothing to reopen",
        ("period", "already_reopened") => $"{indicatorTitle} for {period} is already reopened for this agency",
        _ => problem.Message,
    };
}
