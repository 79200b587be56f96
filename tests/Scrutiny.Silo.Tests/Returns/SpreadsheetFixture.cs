using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>
/// Workbooks written the way a spreadsheet program saves them: text in the shared strings table, dates as serial
/// numbers with a date format, formulas with their saved results, sheets that can be hidden, merged cells, blank rows.
/// </summary>
internal static class SpreadsheetFixture
{
    public sealed record Formula(string Expression, object? Cached);
    public sealed record Inline(string Text);
    public sealed record ErrorValue(string Code);

    /// <summary>A date shown as "Jul-26", by a custom format, where a <see cref="DateOnly"/> is shown by the built-in date format.</summary>
    public sealed record MonthYear(DateOnly Date);

    /// <summary>A sheet; a null row is a blank row as spreadsheet programs leave them (<c>&lt;row r="5"/&gt;</c>), a null cell no cell.</summary>
    public sealed record SheetSpec(string Name, object?[]?[] Rows, bool Hidden = false, string[]? Merged = null);

    private const uint DateStyle = 1, MonthYearStyle = 2;

    public static byte[] Build(params SheetSpec[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "mmm-yy" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });
            var strings = new List<string>();
            uint id = 1;
            foreach (var spec in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < spec.Rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    var cells = spec.Rows[r] ?? [];
                    for (var c = 0; c < cells.Length; c++)
                        if (cells[c] is { } value) row.Append(Cell($"{(char)('A' + c)}{r + 1}", value, strings));
                    data.Append(row);
                }
                var worksheet = new Worksheet(data);
                if (spec.Merged is { Length: > 0 } merged)
                    worksheet.Append(new MergeCells(merged.Select(m => new MergeCell { Reference = m })) { Count = (uint)merged.Length });
                part.Worksheet = worksheet;
                workbookPart.Workbook.Sheets!.Append(new Sheet
                {
                    Name = spec.Name, SheetId = id++, Id = workbookPart.GetIdOfPart(part),
                    State = spec.Hidden ? SheetStateValues.Hidden : null,
                });
            }
            var shared = workbookPart.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })))
                { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count };
        }
        return stream.ToArray();
    }

    private static Cell Cell(string reference, object value, List<string> strings)
    {
        var cell = new Cell { CellReference = reference };
        switch (value)
        {
            case string text:
                var index = strings.IndexOf(text);
                if (index < 0) { strings.Add(text); index = strings.Count - 1; }
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                break;
            case Inline inline:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(inline.Text));
                break;
            case double or int:
                cell.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                cell.StyleIndex = DateStyle;
                cell.CellValue = new CellValue(Serial(date));
                break;
            case MonthYear month:
                cell.StyleIndex = MonthYearStyle;
                cell.CellValue = new CellValue(Serial(month.Date));
                break;
            case bool flag:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(flag ? "1" : "0");
                break;
            case ErrorValue error:
                cell.DataType = CellValues.Error;
                cell.CellValue = new CellValue(error.Code);
                break;
            case Formula formula:
                cell.CellFormula = new CellFormula(formula.Expression);
                if (formula.Cached is string s) { cell.DataType = CellValues.String; cell.CellValue = new CellValue(s); }
                else if (formula.Cached is { } cached) cell.CellValue = new CellValue(Convert.ToDouble(cached, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"No cell for {value.GetType()}.");
        }
        return cell;
    }

    /// <summary>The serial a spreadsheet program stores for a date (days since 30 December 1899).</summary>
    public static string Serial(DateOnly date) => (date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture);
}
