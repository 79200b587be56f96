using System.Globalization;
using CsvHelper;

namespace Scrutiny.Silo.Api.Indicators;

/// <summary>
/// Reads a catalogue CSV shaped like Seeding/Fixtures/indicators.csv (<c>code,title,theme,unit,polarity,frequency,combine</c>,
/// in any order) with optional <c>due_days</c>, <c>lock_days</c>, <c>target</c>, <c>publication</c> and
/// <c>publish_days</c> columns. Reports what it cannot read
/// (header, row shape, numbers) with row numbers; the values themselves are checked by <see cref="IndicatorBodyValidator"/>.
/// </summary>
public static class IndicatorCatalogueCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["code", "title", "theme", "unit", "polarity", "frequency", "combine"];
    public static readonly IReadOnlyList<string> OptionalColumns = ["due_days", "lock_days", "target", "publication", "publish_days"];

    /// <summary>The JSON name of each CSV column, so that the validator's field names come back as the file's.</summary>
    public static string ColumnFor(string jsonField) => jsonField switch
    {
        "dueDays" => "due_days",
        "lockDays" => "lock_days",
        "publishDays" => "publish_days",
        _ => jsonField,
    };

    public static (IReadOnlyList<(int Row, IndicatorBody Body)> Rows, IReadOnlyList<RowProblem> Problems) Read(byte[] file)
    {
        var rows = new List<(int, IndicatorBody)>();
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
                problems.Add(new RowProblem(0, "", "empty", "The file is empty: it needs a header row and at least one indicator."));
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
                rows.Add((row, new IndicatorBody(Cell("code"), Cell("title"), Cell("theme"), Cell("unit"), Cell("polarity"),
                    Cell("frequency"), Cell("combine"),
                    Integer(Cell("due_days"), row, "due_days", problems), Integer(Cell("lock_days"), row, "lock_days", problems),
                    Number(Cell("target"), row, "target", problems),
                    Cell("publication"), Integer(Cell("publish_days"), row, "publish_days", problems))));
            }
        }
        catch (CsvFormatException ex)
        {
            problems.Add(new RowProblem(row + 1, "", "malformed", ex.Message));
        }
        if (problems.Count == 0 && rows.Count == 0)
            problems.Add(new RowProblem(0, "", "empty", "The file has a header but no indicators."));
        return (rows, problems);
    }

    // The first record is the header; CsvHelper is told nothing of it so that a missing column is ours to name.
    private static Dictionary<string, int> ReadHeader(CsvReader csv, List<RowProblem> problems)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.GetString(i).Trim().ToLowerInvariant();
            if (!RequiredColumns.Contains(name) && !OptionalColumns.Contains(name))
                problems.Add(new RowProblem(0, name, "unknown_column",
                    $"'{name}' is not a catalogue column: use {string.Join(", ", RequiredColumns.Concat(OptionalColumns))}."));
            else if (!header.TryAdd(name, i))
                problems.Add(new RowProblem(0, name, "duplicate_column", $"The column '{name}' appears twice."));
        }
        foreach (var missing in RequiredColumns.Where(c => !header.ContainsKey(c)))
            problems.Add(new RowProblem(0, missing, "missing_column", $"The header has no '{missing}' column."));
        return header;
    }

    private static int? Integer(string? cell, int row, string column, List<RowProblem> problems)
    {
        if (cell is null) return null;
        if (int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        problems.Add(new RowProblem(row, column, "not_number", $"'{cell}' is not a whole number of days."));
        return null;
    }

    private static double? Number(string? cell, int row, string column, List<RowProblem> problems)
    {
        if (cell is null) return null;
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        problems.Add(new RowProblem(row, column, "not_number", $"'{cell}' is not a finite number."));
        return null;
    }
}
