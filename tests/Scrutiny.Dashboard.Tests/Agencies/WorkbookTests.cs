using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Returns;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Agencies;

/// <summary>
/// The done-when path of .xlsx returns, over HTTP as a browser without JavaScript sends it: an agency downloads its
/// workbook template, fills it in, uploads it on the upload page and sees its problems by cell, or its values saved.
/// </summary>
public sealed class WorkbookTests
{
    private static async Task<FormClient> SignedInAsync(DashboardApp app)
    {
        var key = await SeedAsync(app);
        var client = new FormClient(app);
        using var signIn = await client.PostFormAsync("/sign-in", "sign-in", ("api-key", key));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<string> UploadAsync(FormClient client, byte[] workbook, string fileName = "returns.xlsx", bool dryRun = false)
    {
        var token = await client.AntiforgeryTokenAsync("/agency/returns/upload");
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "file", fileName },
        };
        if (dryRun) form.Add(new StringContent("true"), "dry-run");
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/agency/returns/upload") { Content = form });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Types into the template's cells as a person does in a spreadsheet program: numbers as numbers, a note as text.</summary>
    private static byte[] FillIn(byte[] template, params (string Cell, object Value)[] entries)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = Returns(document).Worksheet.GetFirstChild<SheetData>()!;
            foreach (var (reference, value) in entries)
            {
                var rowNumber = uint.Parse(reference[1..]);
                var row = sheet.Elements<Row>().First(r => r.RowIndex!.Value == rowNumber);
                var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
                if (cell is null)
                {
                    cell = new Cell { CellReference = reference };
                    row.InsertAt(cell, row.Elements<Cell>().Count(c => string.CompareOrdinal(c.CellReference!.Value, reference) < 0));
                }
                cell.RemoveAllChildren();
                if (value is string text)
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text));
                }
                else
                {
                    cell.DataType = null;
                    cell.CellValue = new CellValue(Convert.ToDouble(value));
                }
            }
        }
        return stream.ToArray();
    }

    private static WorksheetPart Returns(SpreadsheetDocument document)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Returns");
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    [Fact]
    public async Task The_workbook_template_has_drop_downs_a_locked_header_and_instructions_and_filled_in_uploads_cleanly()
    {
        await using var app = await DashboardApp.StartAsync();
        using var client = await SignedInAsync(app);

        using var download = await client.GetAsync("/agency/returns/template.xlsx?period=2026-10");
        using var noPeriod = await client.GetAsync("/agency/returns/template.xlsx?period=October");
        using var stranger = new FormClient(app);
        using var anonymous = await stranger.GetAsync("/agency/returns/template.xlsx?period=2026-10");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(XlsxWorkbook.MediaType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("returns-mft-2026-10.xlsx", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.BadRequest, noPeriod.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        var template = await download.Content.ReadAsByteArrayAsync();

        using (var document = SpreadsheetDocument.Open(new MemoryStream(template), false))
        {
            // Valid against the Office Open XML schema, as a spreadsheet program needs it to open without "repairing" it.
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s => s.State?.Value);
            Assert.Equal(["Returns", "Instructions", "Lists"], sheets.Keys);
            Assert.Equal(SheetStateValues.Hidden, sheets["Lists"]);
            var returns = Returns(document).Worksheet;
            var rows = returns.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(r => r.Elements<Cell>().Select(Text).Take(3).ToArray()).ToList();
            Assert.Equal([
                ["place", "indicator", "period"],
                [Manchester, DelayedDays, "2026-10"],
                [Manchester, Admissions, "2026-10"],
                [Manchester, StillAtHome, "2026-Q4"],
            ], rows);
            // The header is locked (its style leaves cells locked, as all are by default) on a protected sheet; the
            // cells to fill in are not; the header stays in view.
            Assert.True(returns.GetFirstChild<SheetProtection>()!.Sheet!.Value);
            var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            bool Locked(Cell cell) => formats[(int)(cell.StyleIndex?.Value ?? 0)].Protection?.Locked?.Value ?? true;
            var cells = returns.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
            Assert.All(cells[0], c => Assert.True(Locked(c)));
            Assert.All(cells.Skip(1).SelectMany(c => c), c => Assert.False(Locked(c)));
            Assert.Equal(PaneStateValues.Frozen, returns.Descendants<Pane>().Single().State!.Value);
            var lists = returns.Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText!, v => v.Formula1!.Text ?? "");
            Assert.Equal("Lists!$A$2:$A$2", lists["A2:A5001"]);
            Assert.StartsWith("Lists!$C$2:$C$", lists["C2:C5001"]);
            var listed = ((WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Lists").Id!))
                .Worksheet.Descendants<Cell>().Where(c => c.CellReference!.Value!.StartsWith('C')).Select(Text).ToList();
            Assert.Contains("2026-10", listed);
            Assert.Contains("2026-Q4", listed);
            var instructions = ((WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Instructions").Id!))
                .Worksheet.Descendants<Cell>().Select(Text).ToList();
            var admissions = instructions.IndexOf(Admissions);
            Assert.Equal("rate per 100,000", instructions[admissions + 2]);
            Assert.StartsWith("Needed", instructions[admissions + 4]);
            Assert.StartsWith("None", instructions[instructions.IndexOf(DelayedDays) + 4]);
        }

        // Filled in, with one slip: text where the admissions numerator goes.
        var slip = await UploadAsync(client, FillIn(template, ("D2", 12345), ("D3", "about 400"), ("E3", 61000), ("D4", 81), ("E4", 100)));
        Assert.Contains("Nothing was saved", slip);
        Assert.Contains("Cell D3 of sheet &#x27;Returns&#x27;, numerator: &#x27;about 400&#x27; is not a number", slip);
        Assert.Contains("<td class=\"govuk-table__cell\" data-cell>Returns!D3</td>", slip);

        // Only the days filled in, the other rows left as the template gave them: checked, and the two left out said so.
        var partly = await UploadAsync(client, FillIn(template, ("D2", 12345)), dryRun: true);
        Assert.Contains("Check passed: nothing was saved", partly);
        Assert.Contains("data-file-note=\"left_out\">2 rows have no value and were not sent: rows 3\u20134.", System.Net.WebUtility.HtmlDecode(partly));
        Assert.DoesNotContain("Values to check", partly);

        var filled = FillIn(template, ("D2", 12345), ("D3", 412), ("E3", 61000), ("D4", 81), ("E4", 100), ("F4", "Counted, as before"));
        var checkedOnly = await UploadAsync(client, filled, dryRun: true);
        Assert.Contains("Check passed: nothing was saved", checkedOnly);
        Assert.DoesNotContain("data-file-note", checkedOnly);
        // The name does not decide: a workbook called .csv is still read as a workbook.
        var saved = await UploadAsync(client, filled, fileName: "returns.csv");
        Assert.Contains("Returns saved", saved);

        using var place = await client.GetAsync($"/places/{Manchester}");
        var page = await place.Content.ReadAsStringAsync();
        Assert.Contains("675.4 per 100,000", page);
        Assert.Contains("12,345", page);
    }
}
