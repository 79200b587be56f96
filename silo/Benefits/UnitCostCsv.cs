using System.Globalization;
using CsvHelper;
using Scrutiny.Silo.Api;

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

    public static (IReadOnlyList<UnitCostCsvRow> Rows, IReadOnlyList<RowProblem> Problems) Read(byte[] file)
    {
        var rows = new List<UnitCostCsvRow>();
        var problems = new List<RowProblem>();
        var row = 0;
        try
        {
            using var csv = CsvReader.Create(file, new CsvReaderOptions
            {
                HasHeader = false,
                MalformedData = CsvMalformedDataHandling.Throw,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
                TrackLineNumbers = true,
                TrimWhitespace = false,
            });
            if (!csv.Read())
            {
                problems.Add(new RowProblem(0, "", "empty", "The file is empty: it needs a header row and at least one unit cost."));
                return (rows, problems);
            }
            var header = ReadHeader(csv, problems);
            if (problems.Count > 0) return (rows, problems);

            while (csv.Read())
            {
                row++;
                if (csv.FieldCount != header.Count)
                {
                    problems.Add(new RowProblem(row, "", "field_count", $"Row {row} has {csv.FieldCount} fields; the header has {header.Count}."));
                    continue;
                }
                string? Cell(string column) => header.TryGetValue(column, out var i) && csv.GetString(i).Trim() is { Length: > 0 } v ? v : null;
                var code = Cell("code");
                // The rules would call a missing code badly formed; the file's author is better told it is missing.
                if (code is null) problems.Add(new RowProblem(row, "code", "required", "code is required: lower-case words joined by hyphens, such as emergency-admission."));
                rows.Add(new UnitCostCsvRow(row, code, new UnitCostBody(Cell("name"), Cell("borne_by"),
                    Pounds(Cell("value"), row, problems), Cell("price_year"), Grade(Cell("grade"), row, problems), Cell("kind"), Cell("source"),
                    Cell("licence"), YesOrNo(Cell("illustrative"), row, problems))));
            }
        }
        catch (CsvFormatException ex)
        {
            problems.Add(new RowProblem(row + 1, "", "malformed", ex.Message));
        }
        if (problems.Count == 0 && rows.Count == 0)
            problems.Add(new RowProblem(0, "", "empty", "The file has a header but no unit costs."));
        return (rows, problems);
    }

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

    // The first record is the header; CsvHelper is told nothing of it so that a missing column is ours to name.
    private static Dictionary<string, int> ReadHeader(CsvReader csv, List<RowProblem> problems)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.GetString(i).Trim().ToLowerInvariant();
            if (!RequiredColumns.Contains(name) && !OptionalColumns.Contains(name))
                problems.Add(new RowProblem(0, name, "unknown_column",
                    $"'{name}' is not a unit-cost column: use {string.Join(", ", RequiredColumns.Concat(OptionalColumns))}."));
            else if (!header.TryAdd(name, i))
                problems.Add(new RowProblem(0, name, "duplicate_column", $"The column '{name}' appears twice."));
        }
        foreach (var missing in RequiredColumns.Where(c => !header.ContainsKey(c)))
            problems.Add(new RowProblem(0, missing, "missing_column", $"The header has no '{missing}' column."));
        return header;
    }

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
