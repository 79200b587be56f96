using System.Globalization;
using System.Runtime.CompilerServices;
using Scrutiny.Silo.Csv;

using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Reads a returns CSV (<c>place,indicator,period,numerator,denominator,note</c>) as it streams in, a row at a time,
/// so that a 100,000-row file never sits in memory whole. Row 1 is the first line after the header.
/// </summary>
public static class CsvReturnsReader
{
    public static readonly IReadOnlyList<string> Header = ["place", "indicator", "period", "numerator", "denominator", "note"];

    public static async IAsyncEnumerable<ParsedRow> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Place, indicator and period: a file's rows repeat a few hundred of them.
        using var reader = new CsvRecordReader(body) { SharedColumns = 3 };
        var row = 0;
        string[]? header = null;
        while (true)
        {
            string[]? record;
            ParsedRow? failure = null;
            try
            {
                record = await reader.ReadAsync(cancellationToken);
            }
            catch (CsvFormatException ex)
            {
                record = null;
                // Bytes that are not text before the header is even read: most likely a workbook sent as CSV.
                var message = header is null && ex.Code == "not_utf8"
                    ? $"{ex.Message} If it is an Excel workbook, send it as .xlsx ({XlsxWorkbook.MediaType})."
                    : ex.Message;
                failure = new ParsedRow(Math.Max(row + 1, 1), Empty, [new RowProblem(header is null ? 0 : row + 1, "file", ex.Code, message)]);
            }
            if (failure is not null) { yield return failure; yield break; }
            if (record is null) break;
            if (record.Length == 0 || record.All(string.IsNullOrWhiteSpace)) continue; // blank lines, as spreadsheets leave them

            if (header is null)
            {
                header = [.. record.Select(h => h.Trim().ToLowerInvariant())];
                if (!header.SequenceEqual(Header) && !header.SequenceEqual(Header.Take(5)))
                {
                    // A zip's bytes, not a line of text: most likely a workbook sent as CSV, which is better named than echoed.
                    yield return new ParsedRow(0, Empty, [new RowProblem(0, "header", "wrong_header", record[0].StartsWith("PK\u0003\u0004", StringComparison.Ordinal)
                        ? $"The file is a zip archive, not CSV text. If it is an Excel workbook, send it as .xlsx ({XlsxWorkbook.MediaType})."
                        : $"The first line must be the header '{string.Join(",", Header)}'; it is '{string.Join(",", record)}'.")]);
                    yield break;
                }
                continue;
            }

            row++;
            yield return Parse(row, record, header.Length);
        }
        if (header is null)
            yield return new ParsedRow(0, Empty, [new RowProblem(0, "header", "empty_file", "The file is empty: it has no header and no rows.")]);
    }

    private static readonly ReturnRow Empty = new(null, null, null, null, null, null);

    private static ParsedRow Parse(int row, string[] fields, int columns)
    {
        // Made only for a row that has a problem: most have none.
        List<RowProblem>? problems = null;
        if (fields.Length != columns)
            (problems ??= []).Add(new RowProblem(row, "row", "wrong_column_count", $"Row {row} has {fields.Length} fields; the header has {columns}."));
        string? Field(int i) => i < fields.Length && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
        double? Number(int i, string name)
        {
            if (Field(i) is not { } text) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            (problems ??= []).Add(new RowProblem(row, name, "not_a_number", $"'{text}' is not a number (write it like 1234.5, without thousands separators)."));
            return null;
        }
        // A note is kept exactly as written; an empty note is no note.
        var note = fields.Length > 5 && !string.IsNullOrWhiteSpace(fields[5]) ? fields[5] : null;
        return new ParsedRow(row, new ReturnRow(Field(0), Field(1), Field(2), Number(3, "numerator"), Number(4, "denominator"), note),
            problems ?? (IReadOnlyList<RowProblem>)[]);
    }
}
