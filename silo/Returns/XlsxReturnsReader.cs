using System.Globalization;
using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Reads a returns workbook (<c>.xlsx</c>) into the same rows as <see cref="CsvReturnsReader"/>, so that validation,
/// all-or-nothing, dry runs, idempotency and limits are the CSV path's own. The sheet read is a visible one named
/// "Returns", else the first visible one (hidden sheets are ignored); its first row with anything in it is the header,
/// in columns A onwards; blank rows are skipped. A cell is read as a person sees it: shared or inline text, a number,
/// TRUE/FALSE, a formula's saved result (a formula with none is a problem). A date in the period column is the period of
/// the row's indicator's frequency that contains it (1 July 2026 is 2026-07 for a monthly indicator, 2026-Q3 for a
/// quarterly one). Merged cells in the table are refused, since a merged cell's value belongs to one row only.
/// Rows are numbered as the worksheet numbers them, and every problem names its sheet and cell.
/// </summary>
public static class XlsxReturnsReader
{
    /// <summary>
    /// Buffers the body (a zip is read from its end, so it cannot be read as it arrives; the request's size limit bounds
    /// it), then reads the chosen worksheet a row at a time. <paramref name="frequencies"/> are the indicators'
    /// frequencies, to read a date in the period column as the indicator's period.
    /// </summary>
    public static async IAsyncEnumerable<ParsedRow> ReadAsync(Stream body, IReadOnlyDictionary<string, Frequency> frequencies,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var bytes = new MemoryStream();
        await body.CopyToAsync(bytes, cancellationToken);
        using var rows = Read(bytes, frequencies).GetEnumerator();
        while (true)
        {
            ParsedRow? next = null;
            try
            {
                if (!rows.MoveNext()) break;
                next = rows.Current;
            }
            catch (XlsxRefusedException ex)
            {
                next = FileProblem(ex.Code, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The part limit (MaxCharactersInPart) and a damaged part end here, and so does whatever else the SDK or
                // the zip reader throws at bytes a stranger chose: a workbook it cannot read is the sender's problem, never a 500.
                next = FileProblem("not_xlsx", "The workbook could not be read to its end: it is damaged, or a part of it is over the size limit. Save it again, or split the batch.");
            }
            yield return next;
            if (next.Row == 0 && next.Problems.Count > 0) yield break;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static readonly ReturnRow Empty = new(null, null, null, null, null, null);

    private static ParsedRow FileProblem(string code, string message, string? sheet = null, string? cell = null) =>
        new(0, Empty, [new RowProblem(0, "file", code, message, sheet, cell)]);

    private static IEnumerable<ParsedRow> Read(MemoryStream bytes, IReadOnlyDictionary<string, Frequency> frequencies)
    {
        using var workbook = XlsxWorkbook.Open(bytes);
        var sheet = workbook.SheetName;
        using var reader = OpenXmlReader.Create(workbook.Sheet);
        int? headerRow = null;
        var columns = 0;
        var (lastRow, lastDataRow) = (0, 0);
        var merges = new List<string>();
        while (reader.Read())
        {
            if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
            {
                if (((MergeCell)reader.LoadCurrentElement()!).Reference?.Value is { } merged) merges.Add(merged);
                continue;
            }
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : lastRow + 1;
            if (number <= lastRow || number > CellReference.MaxRow)
                throw new XlsxRefusedException("not_xlsx", $"Sheet '{sheet}' numbers its rows out of order; save it again in a spreadsheet program.");
            lastRow = number;
            var cells = Cells(workbook, row, number, sheet);
            if (cells.Values.All(IsBlank)) continue; // blank rows, as spreadsheets leave them (cells of empty text included)

            if (headerRow is null)
            {
                var header = Enumerable.Range(0, cells.Count == 0 ? 0 : cells.Keys.Max() + 1)
                    .Select(c => cells.TryGetValue(c, out var h) ? h.Text?.Trim().ToLowerInvariant() : null).ToList();
                while (header.Count > 0 && string.IsNullOrEmpty(header[^1])) header.RemoveAt(header.Count - 1);
                if (!header.SequenceEqual(CsvReturnsReader.Header) && !header.SequenceEqual(CsvReturnsReader.Header.Take(5)))
                {
                    yield return new ParsedRow(0, Empty, [new RowProblem(0, "header", "wrong_header",
                        $"Row {number} of sheet '{sheet}' must be the header '{string.Join(",", CsvReturnsReader.Header)}' in columns A to F; it is '{string.Join(",", header)}'.",
                        sheet, $"A{number}:{CellReference.Column(Math.Max(header.Count, 1) - 1)}{number}")]);
                    yield break;
                }
                (headerRow, columns) = (number, header.Count);
                continue;
            }
            lastDataRow = number;
            yield return Parse(new SheetRow(sheet, number, columns), cells, workbook, frequencies);
        }
        if (headerRow is null)
        {
            yield return new ParsedRow(0, Empty, [new RowProblem(0, "header", "empty_file",
                $"Sheet '{sheet}' is empty: it has no header and no rows.", sheet)]);
            yield break;
        }
        foreach (var merged in merges)
            if (Overlaps(merged, columns, headerRow.Value, lastDataRow))
            {
                yield return FileProblem("merged_cells",
                    $"Cells {merged} of sheet '{sheet}' are merged; unmerge them and give each row its own value.", sheet, merged);
                yield break;
            }
    }

    /// <summary>Whether a merged range touches the table: its columns and its rows from the header to the last row.</summary>
    private static bool Overlaps(string range, int columns, int firstRow, int lastRow)
    {
        var ends = range.Split(':');
        if (ends.Length != 2 || !CellReference.TryParse(ends[0], out var c1, out var r1) || !CellReference.TryParse(ends[1], out var c2, out var r2))
            return true; // a range that cannot be read cannot be shown not to matter
        return Math.Min(c1, c2) < columns && Math.Min(r1, r2) <= Math.Max(lastRow, firstRow) && Math.Max(r1, r2) >= firstRow;
    }

    private static bool IsBlank(SheetCell cell) => cell.Kind == CellKind.Empty || cell.Kind == CellKind.Text && string.IsNullOrWhiteSpace(cell.Text);

    private enum CellKind { Empty, Text, Number, Boolean, Error, NoCachedValue }

    private readonly record struct SheetCell(string Reference, CellKind Kind, string? Text, double Number, bool IsDate);

    /// <summary>The row's cells by column (0 is A), each as the person sees it.</summary>
    private static Dictionary<int, SheetCell> Cells(
        XlsxWorkbook workbook, Row row, int number, string sheet)
    {
        var cells = new Dictionary<int, SheetCell>();
        var column = -1;
        foreach (var cell in row.Elements<Cell>())
        {
            if (cell.CellReference?.Value is { } reference)
            {
                if (!CellReference.TryParse(reference, out var c, out var r) || r != number || c <= column)
                    throw new XlsxRefusedException("not_xlsx", $"Sheet '{sheet}' has a cell '{reference}' out of place in row {number}; save it again in a spreadsheet program.");
                column = c;
            }
            else if (++column >= CellReference.MaxColumns)
                throw new XlsxRefusedException("not_xlsx", $"Row {number} of sheet '{sheet}' has more cells than a worksheet can.");
            var at = $"{CellReference.Column(column)}{number}";
            cells[column] = Value(workbook, cell, at);
        }
        return cells;
    }

    private static SheetCell Value(XlsxWorkbook workbook, Cell cell, string at)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? new SheetCell(at, CellKind.Text, XlsxWorkbook.TextOf(inline), 0, false) : new SheetCell(at, CellKind.Empty, null, 0, false);
        if (raw is null)
            return new SheetCell(at, cell.CellFormula is null ? CellKind.Empty : CellKind.NoCachedValue, null, 0, false);
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? new SheetCell(at, CellKind.Text, workbook.SharedString(index), 0, false)
                : throw new XlsxRefusedException("not_xlsx", $"Cell {at} refers to text the workbook does not contain; save it again in a spreadsheet program.");
        if (type == CellValues.String) return new SheetCell(at, CellKind.Text, raw, 0, false);
        if (type == CellValues.Boolean) return new SheetCell(at, CellKind.Boolean, raw == "1" ? "TRUE" : "FALSE", 0, false);
        if (type == CellValues.Error) return new SheetCell(at, CellKind.Error, raw, 0, false);
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new SheetCell(at, CellKind.Number, raw, date.ToOADate() - (workbook.Date1904 ? 1462 : 0), true)
                : new SheetCell(at, CellKind.Text, raw, 0, false);
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new SheetCell(at, CellKind.Number, XlsxWorkbook.Number(value), value, workbook.IsDateStyle(cell.StyleIndex?.Value))
            : new SheetCell(at, CellKind.Text, raw, 0, false);
    }

    private static ParsedRow Parse(SheetRow where, Dictionary<int, SheetCell> cells,
        XlsxWorkbook workbook, IReadOnlyDictionary<string, Frequency> frequencies)
    {
        List<RowProblem>? problems = null;
        void Problem(string field, string code, string message, string? cell = null) =>
            (problems ??= []).Add(where.Locate(new RowProblem(where.Row, field, code, message, Cell: cell)));

        foreach (var (column, cell) in cells)
            if (column >= where.Columns && !IsBlank(cell))
                Problem("row", "outside_table", $"Cell {cell.Reference} has something in it, but the table has {where.Columns} columns; clear it or move it into the note.", cell.Reference);

        // A cell that cannot give a value is reported once, by its field, and its field left empty.
        SheetCell? Usable(int column)
        {
            if (!cells.TryGetValue(column, out var cell) || cell.Kind == CellKind.Empty) return null;
            var field = CsvReturnsReader.Header[column];
            if (cell.Kind == CellKind.NoCachedValue)
            {
                Problem(field, "formula_without_value",
                    $"Cell {cell.Reference} has a formula with no saved result; open the workbook in a spreadsheet program and save it, or paste the values.");
                return null;
            }
            if (cell.Kind == CellKind.Error)
            {
                Problem(field, "cell_error", $"Cell {cell.Reference} shows the error {cell.Text}; put a value in it.");
                return null;
            }
            return cell;
        }
        string? Text(int column) => Usable(column) is { } cell && !string.IsNullOrWhiteSpace(cell.Text) ? cell.Text.Trim() : null;
        double? Number(int column)
        {
            if (Usable(column) is not { } cell) return null;
            var field = CsvReturnsReader.Header[column];
            if (cell.Kind == CellKind.Number && !cell.IsDate) return cell.Number;
            if (cell.Kind == CellKind.Text && double.TryParse(cell.Text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            if (cell.Kind == CellKind.Text && string.IsNullOrWhiteSpace(cell.Text)) return null;
            Problem(field, "not_a_number", cell.IsDate
                ? $"Cell {cell.Reference} holds a date, not a number; format it as a number."
                : $"'{cell.Text}' is not a number (write it like 1234.5, without thousands separators).");
            return null;
        }

        var place = Text(0);
        var indicator = Text(1);
        string? period;
        var periodCell = Usable(2);
        if (periodCell is { Kind: CellKind.Number, IsDate: true } dated)
        {
            if (workbook.Date(dated.Number) is not { } date)
            {
                Problem("period", "invalid_period", $"Cell {dated.Reference} holds a date the returns cannot use; write the period as text, like 2026-07.");
                period = null;
            }
            // The indicator's own period containing the date; for an unknown indicator the date as written, which the
            // indicator's own problem explains.
            else period = indicator is not null && frequencies.TryGetValue(indicator, out var frequency)
                ? Period.Containing(date, frequency).ToString()
                : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else period = string.IsNullOrWhiteSpace(periodCell?.Text) ? null : periodCell.Value.Text.Trim();
        var numerator = Number(3);
        var denominator = Number(4);
        // A note is kept exactly as written; an empty note is no note.
        var note = where.Columns > 5 && Usable(5) is { } noted && !string.IsNullOrWhiteSpace(noted.Text) ? noted.Text : null;
        return new ParsedRow(where.Row, new ReturnRow(place, indicator, period, numerator, denominator, note),
            problems ?? (IReadOnlyList<RowProblem>)[], where);
    }
}
