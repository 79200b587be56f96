using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Returns;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>The series download as a workbook: the CSV's own rows, numbers as numbers, and its metadata on a second sheet.</summary>
public sealed class SeriesWorkbookTests
{
    [Fact]
    public async Task The_series_workbook_holds_the_CSV_s_rows_and_an_About_sheet()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        await Returns.PostAsync(app, key,
            new { place = Manchester, indicator = DelayedDays, period = "2026-01", numerator = 1200 },
            new { place = Manchester, indicator = DelayedDays, period = "2026-02", numerator = 1300 });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var csv = (await client.GetStringAsync($"/places/{Manchester}/indicators/{DelayedDays}/series.csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        using var response = await client.GetAsync($"/places/{Manchester}/indicators/{DelayedDays}/series.xlsx");

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(XlsxWorkbook.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Manchester}_{DelayedDays}_series.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Worksheet Sheet(string name) =>
            ((WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!)).Worksheet;

        var rows = Sheet("Series").Descendants<Row>().Select(r => Cells(r, csv[0].Length)).ToList();
        Assert.Equal(csv.Count, rows.Count);
        Assert.Equal(csv, rows.Select(r => r.Select(c => c.Text).ToArray()));
        // A number is a number a spreadsheet can add up, not text that looks like one.
        var numerator = Array.IndexOf(csv[0], "numerator");
        Assert.All(rows.Skip(1), r => Assert.True(r[numerator].IsNumber));
        var about = Sheet("About").Descendants<Row>().Select(r => Cells(r, 2)).ToDictionary(r => r[0].Text, r => r[1].Text);
        Assert.Equal(("Days people spent in hospital after they were ready to leave", "count", "lower_is_better", "monthly", "sum", "2"),
            (about["title"], about["unit"], about["polarity"], about["frequency"], about["method"], about["periods"]));
    }

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
