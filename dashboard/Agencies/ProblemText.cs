using Scrutiny.Silo.Returns;

using Scrutiny.Silo.Api;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>A return's problem as the pages word it: "Row 4, numerator: …", counting rows as the submitter does.</summary>
public static class ProblemText
{
    public static string For(RowProblem problem) =>
        problem.Row > 0 ? $"Row {problem.Row}, {problem.Field}: {problem.Message}" : problem.Message;
}
