using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Http;
using Scrutiny.Silo.Returns;

namespace Scrutiny.Silo.Xlsx;

/// <summary>How a column's cells are written and whether a person may type in them when the sheet is protected.</summary>
public enum XlsxColumn
{
    /// <summary>Text, shown and kept as typed (the Text number format, so that 2026-07 stays 2026-07).</summary>
    Text,
    Number,
}

/// <summary>A drop-down list on a range of cells, its choices taken from a range (usually on a hidden sheet).</summary>
public sealed record XlsxList(string Cells, string Choices, string Prompt);

/// <summary>
/// A worksheet to write. The first row is the header: with <see cref="Protect"/>, it is locked and every other cell of
/// the <see cref="Columns"/> stays open to typing (protection without a password: it stops slips, not people).
/// </summary>
public sealed record XlsxSheet(string Name, IEnumerable<IReadOnlyList<object?>> Rows)
{
    public bool Hidden { get; init; }
    public bool FreezeHeader { get; init; }
    public bool Protect { get; init; }
    public IReadOnlyList<XlsxColumn> Columns { get; init; } = [];
    public IReadOnlyList<double> Widths { get; init; } = [];
    public IReadOnlyList<XlsxList> Lists { get; init; } = [];
}

/// <summary>
/// The one way Scrutiny writes <c>.xlsx</c> for people: each sheet's rows streamed out with <see cref="OpenXmlWriter"/>,
/// text as inline strings (never a formula, whatever it starts with), numbers as numbers, a bold header.
/// </summary>
public static class XlsxWriter
{
    // Cell styles, by their index in the stylesheet written below.
    private const uint Plain = 0, Header = 1, OpenText = 2, OpenNumber = 3, Wrapped = 4;

    public static byte[] Write(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var entries = new List<Sheet>();
            foreach (var (sheet, i) in sheets.Select((s, i) => (s, i)))
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                WriteSheet(part, sheet);
                entries.Add(new Sheet
                {
                    Name = sheet.Name, SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(part),
                    State = sheet.Hidden ? SheetStateValues.Hidden : null,
                });
            }
            workbookPart.Workbook = new Workbook(new Sheets(entries));
        }
        return stream.ToArray();
    }

    /// <summary>A download of the workbook, written whole before it is sent (a zip is finished at its end).</summary>
    public static IResult Download(string fileName, params XlsxSheet[] sheets) =>
        Results.File(Write(sheets), XlsxWorkbook.MediaType, fileName);

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (sheet.FreezeHeader)
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new("A2")]) })
            { WorkbookViewId = 0 }));
        var columnCount = Math.Max(sheet.Columns.Count, sheet.Widths.Count);
        if (columnCount > 0)
            writer.WriteElement(new Columns(Enumerable.Range(0, columnCount).Select(c => new Column
            {
                Min = (uint)(c + 1), Max = (uint)(c + 1),
                Width = c < sheet.Widths.Count ? sheet.Widths[c] : 12, CustomWidth = true,
                // Cells not yet written take the column's style: open to typing on a protected sheet.
                Style = c < sheet.Columns.Count ? StyleOf(sheet.Columns[c], sheet.Protect) : null,
            })));

        writer.WriteStartElement(new SheetData());
        var rowNumber = 0u;
        foreach (var row in sheet.Rows)
        {
            rowNumber++;
            writer.WriteStartElement(new Row { RowIndex = rowNumber });
            for (var c = 0; c < row.Count; c++)
            {
                var style = rowNumber == 1 ? Header
                    : c < sheet.Columns.Count ? StyleOf(sheet.Columns[c], sheet.Protect) ?? Plain
                    : sheet.Columns.Count == 0 && row[c] is string { Length: > 60 } ? Wrapped : Plain;
                if (Cell($"{CellReference.Column(c)}{rowNumber}", row[c], style) is { } cell) writer.WriteElement(cell);
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();

        if (sheet.Protect)
            writer.WriteElement(new SheetProtection
            {
                Sheet = true, Objects = true, Scenarios = true,
                // What a person filling in a template still may do: add and remove rows, resize, sort.
                FormatColumns = false, FormatRows = false, InsertRows = false, DeleteRows = false, Sort = false, AutoFilter = false,
            });
        if (sheet.Lists.Count > 0)
            writer.WriteElement(new DataValidations(sheet.Lists.Select(list => new DataValidation(new Formula1(list.Choices))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowInputMessage = true, ShowErrorMessage = true,
                PromptTitle = "Choose from the list", Prompt = list.Prompt,
                // A warning, not a stop: a person may still keep a value the list lacks (an older period); the upload
                // checks every value anyway.
                ErrorStyle = DataValidationErrorStyleValues.Warning,
                ErrorTitle = "Not in the list", Error = $"{list.Prompt} This one is not in the list; keep it only if you are sure.",
                SequenceOfReferences = new ListValue<StringValue>([new(list.Cells)]),
            })) { Count = (uint)sheet.Lists.Count });
        writer.WriteEndElement();
    }

    private static uint? StyleOf(XlsxColumn column, bool open) => (column, open) switch
    {
        (XlsxColumn.Text, true) => OpenText,
        (XlsxColumn.Number, true) => OpenNumber,
        _ => null,
    };

    private static Cell? Cell(string reference, object? value, uint style) => value switch
    {
        null => style == Plain ? null : new Cell { CellReference = reference, StyleIndex = style },
        string text => new Cell(new InlineString(new Text(XlsxText.Encode(text)) { Space = SpaceProcessingModeValues.Preserve }))
            { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style },
        double or int or long or decimal => new Cell(new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)))
            { CellReference = reference, StyleIndex = style },
        bool flag => new Cell(new CellValue(flag ? "1" : "0")) { CellReference = reference, DataType = CellValues.Boolean, StyleIndex = style },
        _ => Cell(reference, Convert.ToString(value, CultureInfo.InvariantCulture), style),
    };

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            // 49 is the built-in Text format ("@").
            new CellFormat(new Protection { Locked = false }) { NumberFormatId = 49, ApplyNumberFormat = true, ApplyProtection = true },
            new CellFormat(new Protection { Locked = false }) { ApplyProtection = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 5 });
}
