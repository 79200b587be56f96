using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Where a returns row sits in a worksheet: its sheet, its row number and how many columns the header has, so that a
/// problem with one of its fields names the cell (<c>D14</c>) and a problem with the whole row names the row's cells.
/// </summary>
public sealed record SheetRow(string Sheet, int Row, int Columns)
{
    public string? Cell(string field) =>
        field == "row" ? $"A{Row}:{CellReference.Column(Columns - 1)}{Row}"
        : ColumnOf(field) is int column ? $"{CellReference.Column(column)}{Row}"
        : null;

    private static int? ColumnOf(string field)
    {
        for (var i = 0; i < CsvReturnsReader.Header.Count; i++)
            if (CsvReturnsReader.Header[i] == field) return i;
        return null;
    }

    public RowProblem Locate(RowProblem problem) => problem with { Sheet = Sheet, Cell = problem.Cell ?? Cell(problem.Field) };
}
