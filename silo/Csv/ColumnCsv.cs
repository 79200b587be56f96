using CsvHelper;
using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Csv;

/// <summary>What one kind of file is: its columns, and how its messages name its rows (<c>indicator</c>, <c>indicators</c>).</summary>
public sealed record ColumnCsvShape(IReadOnlyList<string> Required, IReadOnlyList<string> Optional, string ColumnKind, string Row, string Rows);

/// <summary>
/// Reads an administrator's catalogue file: a CSV whose first row names its columns (in any order and case), each row
/// after it one record. Reports what it cannot read by row and column (an unknown, repeated or missing column, a row of
/// the wrong width, a quote left open, no rows at all); what a row's cells mean is the caller's to read.
/// </summary>
public static class ColumnCsv
{
    /// <param name="readRow">Makes a row's record from its cells (a trimmed value, or null for a blank or absent column)
    /// and its number (1 for the row after the header), adding any problem it finds.</param>
    public static (IReadOnlyList<T> Rows, IReadOnlyList<RowProblem> Problems) Read<T>(byte[] file, ColumnCsvShape shape,
        Func<Func<string, string?>, int, List<RowProblem>, T> readRow)
    {
        var rows = new List<T>();
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
                problems.Add(new RowProblem(0, "", "empty", $"The file is empty: it needs a header row and at least one {shape.Row}."));
                return (rows, problems);
            }
            var header = ReadHeader(csv, shape, problems);
            if (problems.Count > 0) return (rows, problems);

            while (csv.Read())
            {
                row++;
                if (csv.FieldCount != header.Count)
                {
                    problems.Add(new RowProblem(row, "", "field_count", $"Row {row} has {csv.FieldCount} fields; the header has {header.Count}."));
                    continue;
                }
                rows.Add(readRow(column => header.TryGetValue(column, out var i) && csv.GetString(i).Trim() is { Length: > 0 } v ? v : null, row, problems));
            }
        }
        catch (CsvFormatException ex)
        {
            problems.Add(new RowProblem(row + 1, "", "malformed", ex.Message));
        }
        if (problems.Count == 0 && rows.Count == 0)
            problems.Add(new RowProblem(0, "", "empty", $"The file has a header but no {shape.Rows}."));
        return (rows, problems);
    }

    // The first record is the header; CsvHelper is told nothing of it so that a missing column is ours to name.
    private static Dictionary<string, int> ReadHeader(CsvReader csv, ColumnCsvShape shape, List<RowProblem> problems)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.GetString(i).Trim().ToLowerInvariant();
            if (!shape.Required.Contains(name) && !shape.Optional.Contains(name))
                problems.Add(new RowProblem(0, name, "unknown_column",
                    $"'{name}' is not a {shape.ColumnKind} column: use {string.Join(", ", shape.Required.Concat(shape.Optional))}."));
            else if (!header.TryAdd(name, i))
                problems.Add(new RowProblem(0, name, "duplicate_column", $"The column '{name}' appears twice."));
        }
        foreach (var missing in shape.Required.Where(c => !header.ContainsKey(c)))
            problems.Add(new RowProblem(0, missing, "missing_column", $"The header has no '{missing}' column."));
        return header;
    }
}
