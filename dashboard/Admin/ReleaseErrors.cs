using Scrutiny.Silo.Api;

namespace Scrutiny.Dashboard.Admin;

/// <summary><see cref="Scrutiny.Silo.Publication.PeriodReleaser"/>'s problems as the release form words them.</summary>
public static class ReleaseErrors
{
    public static string InputFor(FieldProblem problem) => problem.Field is "period" or "indicator" ? problem.Field : "indicator";

    public static string MessageFor(FieldProblem problem, string? indicatorTitle, string? period) => (problem.Field, problem.Code) switch
    {
        ("indicator", _) => "Select an indicator",
        ("period", "required") => "Enter a period",
        ("period", "not_ended") => $"{period} has not ended yet: release a period once it is over",
        ("period", "already_released") => $"{indicatorTitle} for {period} is already released",
        ("period", "not_on_release") => $"{indicatorTitle} is not published by release, so there is nothing to release",
        _ => problem.Message,
    };
}
