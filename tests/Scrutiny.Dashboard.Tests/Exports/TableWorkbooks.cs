using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Dashboard.Tests.Exports;

/// <summary>A downloaded table read back: the CSV's records, and a workbook's first sheet and About sheet.</summary>
public static class TableWorkbooks
{
    /// <param name="Numbers">Whether each cell of <paramref name="Rows"/> is a number (a spreadsheet can add it up), not text.</param>
    public sealed record Workbook(string FirstSheet, IReadOnlyList<string[]> Rows, IReadOnlyList<bool[]> Numbers,
        IReadOnlyDictionary<string, string> About, bool HasFormula);

    public static async Task<IReadOnlyList<string[]>> CsvAsync(byte[] file)
    {
        using var reader = new CsvRecordReader(new MemoryStream(file));
        var records = new List<string[]>();
        while (await reader.ReadAsync() is { } record) records.Add(record);
        return records;
    }

    /// <summary>
    /// The CSV's cell as the workbook holds it: the CSV puts a <c>'</c> before text a spreadsheet would take as a
    /// formula (<see cref="SafeCsv.Neutralise"/>); a workbook needs none, its text cells never being formulas.
    /// </summary>
    public static string Unneutralised(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && SafeCsv.Neutralise(cell[1..]) == cell ? cell[1..] : cell;

    public static Workbook Read(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var part = document.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        Worksheet Of(Sheet sheet) => ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
        Assert.Equal("About", sheets[1].Name?.Value);
        var rows = Of(sheets[0]).Descendants<Row>().ToList();
        var width = rows.Count == 0 ? 0 : rows[0].Elements<Cell>().Count();
        var about = Of(sheets[1]).Descendants<Row>().Select(r => Cells(r, 2)).ToDictionary(r => r[0].Text, r => r[1].Text);
        var hasFormula = sheets.Any(s => Of(s).Descendants<CellFormula>().Any());
        var cells = rows.Select(r => Cells(r, width)).ToList();
        return new Workbook(sheets[0].Name!.Value!, [.. cells.Select(r => r.Select(c => c.Text).ToArray())],
            [.. cells.Select(r => r.Select(c => c.IsNumber).ToArray())], about, hasFormula);
    }

    /// <summary>Every cell's text of every sheet, one a line: what a reader of the workbook could find in it.</summary>
    public static string Text(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        return string.Join("\n", document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Select(c => c.InnerText));
    }

    /// <summary>A response's body as text, a workbook's as the text of its cells.</summary>
    public static async Task<string> BodyAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content.Headers.ContentType?.MediaType == Silo.Returns.XlsxWorkbook.MediaType
            ? Text(await response.Content.ReadAsByteArrayAsync(cancellationToken))
            : await response.Content.ReadAsStringAsync(cancellationToken);

    /// <summary>A row's cells by column as text (empty where there is none), and whether each is a number.</summary>
    private static (string Text, bool IsNumber)[] Cells(Row row, int columns)
    {
        var cells = Enumerable.Repeat(("", false), columns).ToArray();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1) - 1;
            cells[column] = cell.DataType?.Value == CellValues.InlineString
                ? (cell.InlineString!.InnerText, false)
                : (cell.CellValue?.Text ?? "", cell.DataType is null);
        }
        return cells;
    }
}
