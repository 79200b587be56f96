using System.Globalization;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Benefits;

/// <summary>One line of a unit-cost CSV as read, before the catalogue's rules check it; <paramref name="Row"/> counts from the line after the header.</summary>
public sealed record UnitCostCsvRow(int Row, string? Code, UnitCostBody Body);

/// <summary>
/// Reads a unit-cost catalogue CSV (<c>code,name,borne_by,value,price_year,grade,kind,source</c> in any order, with
/// optional <c>licence</c> and <c>illustrative</c>, yes/no or true/false). Reports what it cannot read (header, row
/// shape, numbers) by row and column; the values themselves are checked by <see cref="BenefitBodyRules.UnitCost"/>,
/// whose problems <see cref="Problem"/> names by the file's columns.
/// </summary>
public static class UnitCostCsv
{
    /// <summary>A catalogue of a few hundred unit costs is tens of kilobytes; the dashboard's upload takes the same.</summary>
    public const int MaxBytes = 512 * 1024;

    public static readonly IReadOnlyList<string> RequiredColumns = ["code", "name", "borne_by", "value", "price_year", "grade", "kind", "source"];
    public static readonly IReadOnlyList<string> OptionalColumns = ["licence", "illustrative"];

    private static readonly ColumnCsvShape Shape = new(RequiredColumns, OptionalColumns, "unit-cost", "unit cost", "unit costs");

    public static (IReadOnlyList<UnitCostCsvRow> Rows, IReadOnlyList<RowProblem> Problems) Read(byte[] file) =>
        ColumnCsv.Read(file, Shape, (cell, row, problems) =>
        {
            var code = cell("code");
            // The rules would call a missing code badly formed; the file's author is better told it is missing.
            if (code is null) problems.Add(new RowProblem(row, "code", "required", "code is required: lower-case words joined by hyphens, such as emergency-admission."));
            return new UnitCostCsvRow(row, code, new UnitCostBody(cell("name"), cell("borne_by"),
                Pounds(cell("value"), row, problems), cell("price_year"), Grade(cell("grade"), row, problems), cell("kind"), cell("source"),
                cell("licence"), YesOrNo(cell("illustrative"), row, problems)));
        });

    /// <summary>A problem the rules found in a row, named by the file's column (<c>price_year</c>, not <c>priceYear</c>).</summary>
    public static RowProblem Problem(int row, FieldProblem problem)
    {
        var column = ColumnFor(problem.Field);
        var message = column == problem.Field ? problem.Message : problem.Message.Replace(problem.Field, column, StringComparison.Ordinal);
        return new RowProblem(row, column, problem.Code, message);
    }

    /// <summary>The CSV column of each of the body's JSON fields.</summary>
    public static string ColumnFor(string jsonField) => jsonField switch
    {
        "borneBy" => "borne_by",
        "priceYear" => "price_year",
        _ => jsonField,
    };

    // Pounds and pence written plainly (2150.00, or £2150.00): no thousands separator, which a CSV would have to quote,
    // and no exponent. A sign is read so that the rules, not the reader, say a negative value is out of range.
    private static decimal? Pounds(string? cell, int row, List<RowProblem> problems)
    {
        if (cell is null) return null;
        if (decimal.TryParse(cell.TrimStart('£'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add(new RowProblem(row, "value", "not_number", $"'{cell}' is not an amount in pounds, such as 2150.00."));
        return null;
    }

    private static int? Grade(string? cell, int row, List<RowProblem> problems)
    {
        if (cell is null) return null;
        if (int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        problems.Add(new RowProblem(row, "grade", "not_number", $"'{cell}' is not a whole number: grade is 1 (the most trusted) to 5."));
        return null;
    }

    /// <summary>A blank cell is no: a figure is real unless marked made up.</summary>
    private static bool? YesOrNo(string? cell, int row, List<RowProblem> problems)
    {
        switch (cell?.ToLowerInvariant())
        {
            case null: return null;
            case "yes" or "true": return true;
            case "no" or "false": return false;
            default:
                problems.Add(new RowProblem(row, "illustrative", "not_yes_or_no", $"'{cell}' is not yes, no, true or false."));
                return null;
        }
    }
}
