using Scrutiny.Silo.Returns;

using Scrutiny.Silo.Api;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>
/// A return's problem as the pages word it: "Row 4, numerator: …", counting rows as the submitter does, or for a
/// workbook "Cell D14 of sheet 'Returns', numerator: …", where the person will look for it.
/// </summary>
public static class ProblemText
{
    public static string For(RowProblem problem) =>
        problem is { Row: > 0, Cell: { } cell, Sheet: { } sheet }
            ? cell.Contains(':') ? $"Cells {cell} of sheet '{sheet}': {problem.Message}" : $"Cell {cell} of sheet '{sheet}', {problem.Field}: {problem.Message}"
        : problem.Row > 0 ? $"Row {problem.Row}, {problem.Field}: {problem.Message}"
        : problem.Message;
}
