using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Returns.SpreadsheetFixture;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary><c>POST /api/v1/returns</c> with an .xlsx body: the CSV path's validation, all-or-nothing, dry run and keys, with problems by cell.</summary>
public sealed class XlsxReturnsTests
{
    private const string Manchester = "E08000003", Admissions = "emergency-admissions-65plus", Delayed = "delayed-discharge-days",
        AtHome = "still-at-home-91-days";

    private static readonly object[] Header = ["place", "indicator", "period", "numerator", "denominator", "note"];

    /// <summary>The same three returns as <see cref="SameAsCsv"/>, saved as a spreadsheet program saves them.</summary>
    private static byte[] SpreadsheetShaped() => Build(
        // Listed first but hidden: a person never sees it, so it is never read.
        new SheetSpec("Scratch", [["not", "the", "header"], ["junk"]], Hidden: true),
        new SheetSpec("Returns", [
            Header,
            // 1 July 2026 typed as a date: the monthly indicator's period 2026-07.
            [Manchester, Admissions, new DateOnly(2026, 7, 1), 412, 61000, new Inline("Counted, as before")],
            // A sum with its saved result, the period typed as text.
            [Manchester, Delayed, "2026-07", new Formula("1000+350", 1350), null, null],
            // A date shown as "Apr-26" in a quarterly indicator's row: 2026-Q2.
            [Manchester, AtHome, new MonthYear(new DateOnly(2026, 4, 1)), 81, 100, "first"],
            // The blank rows a spreadsheet program leaves at the end.
            null,
            ["", null, null],
        ]),
        new SheetSpec("Instructions", [["Fill in the Returns sheet."]]));

    private const string SameAsCsv =
        "place,indicator,period,numerator,denominator,note\r\n" +
        "E08000003,emergency-admissions-65plus,2026-07,412,61000,\"Counted, as before\"\r\n" +
        "E08000003,delayed-discharge-days,2026-07,1350,,\r\n" +
        "E08000003,still-at-home-91-days,2026-Q2,81,100,first\r\n";

    private static HttpContent Xlsx(byte[] bytes, string mediaType = XlsxWorkbook.MediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static Task<HttpResponseMessage> PostXlsxAsync(ReturnsEndpoint api, byte[] bytes, string query = "", string? key = null) =>
        api.Http.SendAsync(api.Request(Xlsx(bytes), query, key));

    private static async Task<List<(int Row, string Field, string Code, string? Sheet, string? Cell)>> LocatedErrorsAsync(HttpResponseMessage response) =>
        [.. (await ReturnsEndpoint.JsonAsync(response)).GetProperty("errors").EnumerateArray().Select(e => (
            e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("code").GetString()!,
            e.TryGetProperty("sheet", out var s) ? s.GetString() : null, e.TryGetProperty("cell", out var c) ? c.GetString() : null))];

    [Theory, ClassData(typeof(Engines))]
    public async Task A_workbook_saved_the_spreadsheet_way_lands_the_same_values_as_the_same_CSV(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);

        var workbook = await PostXlsxAsync(api, SpreadsheetShaped());
        var csv = await api.PostCsvAsync(SameAsCsv);

        Assert.True(workbook.StatusCode == HttpStatusCode.OK, await workbook.Content.ReadAsStringAsync());
        Assert.Equal((3, 0, 0, false), await ReturnsEndpoint.SummaryAsync(workbook));
        // The CSV changes nothing: every value, period and note the workbook gave is the CSV's.
        Assert.Equal((0, 0, 3, false), await ReturnsEndpoint.SummaryAsync(csv));
        Assert.Equal("Counted, as before", (await api.LedgerNotesAsync())[(Manchester, Admissions, "2026-07")]);
        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        var batches = (await connection.QueryAsync<(string Source, long Rows)>("SELECT source, row_count FROM return_batches ORDER BY received_at")).ToList();
        Assert.Equal([("xlsx", 3L), ("csv", 3L)], batches);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_bad_cell_is_named_by_sheet_cell_and_field_and_nothing_is_written(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        var workbook = Build(new SheetSpec("Returns", [
            Header,
            [Manchester, Admissions, "2026-06", 400, 61000],
            [Manchester, Delayed, "2026-07", "lots"],
            null, // a blank row inside the table: skipped, and rows keep the worksheet's numbers
            [Manchester, Admissions, "2026-07", 412, new Formula("B9*2", null)],
            [Manchester, Delayed, "2026-08", new ErrorValue("#DIV/0!")],
            [Manchester, Delayed, "2026-09", 5, null, null, "a comment beside the table"],
            ["E08000009", Delayed, "2026-07", 5],
        ]));

        var response = await PostXlsxAsync(api, workbook);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([
            (3, "numerator", "not_a_number", "Returns", "D3"),
            (5, "denominator", "formula_without_value", "Returns", "E5"),
            (6, "numerator", "cell_error", "Returns", "D6"),
            (7, "row", "outside_table", "Returns", "G7"),
            (8, "place", "not_partner", "Returns", "A8"),
        ], await LocatedErrorsAsync(response));
        Assert.Equal(new StoreCounts(0, 0), await api.CountsAsync());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_template_row_left_empty_is_not_sent_and_the_answer_says_which(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        // As the template comes, every return due listed, and the agency fills in the two it has.
        var template = Build(new SheetSpec("Returns", [
            Header,
            [Manchester, Admissions, "2026-06", null, null, null],
            [Manchester, Admissions, "2026-07", 412, 61000, null],
            [Manchester, Delayed, "2026-06", null, null, ""],
            [Manchester, Delayed, "2026-07", 1350, null, null],
            [Manchester, AtHome, "2026-Q2", null, null, null],
        ]));

        var response = await PostXlsxAsync(api, template);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal((2, 0, 0, false), await ReturnsEndpoint.SummaryAsync(response));
        var warning = Assert.Single((await ReturnsEndpoint.JsonAsync(response)).GetProperty("warnings").EnumerateArray());
        Assert.Equal(("left_out", "3 rows have no value and were not sent: rows 2, 4, 6. Fill them in and upload again when you have the figures."),
            (warning.GetProperty("code").GetString(), warning.GetProperty("message").GetString()));
        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("SELECT row_count FROM return_batches"));

        // A row with a note or a denominator but no numerator means to send something: still a problem, as in the API's JSON.
        var half = await PostXlsxAsync(api, Build(new SheetSpec("Returns", [Header, [Manchester, Admissions, "2026-06", null, 61000, null]])));
        Assert.Equal([(2, "numerator", "required", "Returns", "D2")], await LocatedErrorsAsync(half));
        // Nothing filled in at all: refused, saying so.
        var none = await PostXlsxAsync(api, Build(new SheetSpec("Returns", [Header, [Manchester, Admissions, "2026-06", null, null, null]])));
        Assert.Equal([(0, "numerator", "no_values", null, null)], await LocatedErrorsAsync(none));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_dry_run_and_an_idempotency_key_behave_as_with_CSV(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        var bytes = SpreadsheetShaped();

        var dryRun = await PostXlsxAsync(api, bytes, "?dryRun=true");
        Assert.Equal((3, 0, 0, true), await ReturnsEndpoint.SummaryAsync(dryRun));
        Assert.Equal(new StoreCounts(0, 0), await api.CountsAsync());

        var first = await PostXlsxAsync(api, bytes, key: "july-workbook");
        var retry = await PostXlsxAsync(api, bytes, key: "july-workbook");
        // The same rows as CSV under the same key are another request.
        var asCsv = await api.PostCsvAsync(SameAsCsv, idempotencyKey: "july-workbook");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, asCsv.StatusCode);
        Assert.Equal(new StoreCounts(3, 1), await api.CountsAsync());
    }

    [Fact]
    public async Task A_workbook_that_cannot_be_read_as_a_person_would_is_refused_with_a_reason_never_a_500()
    {
        await using var api = await ReturnsEndpoint.StartAsync(StoreEngine.Sqlite);
        var merged = Build(new SheetSpec("Returns", [
            Header,
            [Manchester, Delayed, "2026-07", 5],
            [Manchester, Delayed, "2026-08"],
        ], Merged: ["D2:D3"]));
        var mergedTitleOutsideTable = Build(new SheetSpec("Returns", [
            Header,
            [Manchester, Delayed, "2026-07", 5],
        ], Merged: ["H2:J3"]));
        var notAWorkbook = new MemoryStream();
        using (var zip = new ZipArchive(notAWorkbook, ZipArchiveMode.Create, leaveOpen: true))
        await using (var entry = zip.CreateEntry("returns.txt").Open())
            await entry.WriteAsync(Encoding.UTF8.GetBytes("place,indicator"));
        var onlyHidden = Build(new SheetSpec("Returns", [Header, [Manchester, Delayed, "2026-07", 5]], Hidden: true));

        var cases = new (byte[] Body, string Code, string Says)[]
        {
            (merged, "merged_cells", "Cells D2:D3 of sheet 'Returns' are merged"),
            (notAWorkbook.ToArray(), "not_xlsx", "not an Excel workbook"),
            (Encoding.UTF8.GetBytes(SameAsCsv), "not_xlsx", "not an Excel workbook (.xlsx)"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "not_xlsx", "old-style .xls"),
            ([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "not_xlsx", "not a complete one"),
            (onlyHidden, "no_sheet", "no visible worksheet"),
        };
        foreach (var (body, code, says) in cases)
        {
            var response = await PostXlsxAsync(api, body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var error = Assert.Single((await ReturnsEndpoint.JsonAsync(response)).GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == code);
            Assert.Contains(says, error.GetProperty("message").GetString());
        }
        // A workbook sent as CSV is not read as text, and the answer says what it may be.
        var asCsv = await api.PostCsvAsync(SpreadsheetShaped());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, asCsv.StatusCode);
        Assert.Contains("If it is an Excel workbook, send it as .xlsx", (await ReturnsEndpoint.JsonAsync(asCsv)).GetProperty("errors")[0].GetProperty("message").GetString());
        var xlsAsCsv = await api.PostCsvAsync(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, (byte)'\n' });
        Assert.Contains("If it is an Excel workbook, send it as .xlsx", (await ReturnsEndpoint.JsonAsync(xlsAsCsv)).GetProperty("errors")[0].GetProperty("message").GetString());
        // A merged title beside the table is no part of it.
        Assert.Equal(HttpStatusCode.OK, (await PostXlsxAsync(api, mergedTitleOutsideTable)).StatusCode);
        Assert.Equal(new StoreCounts(1, 1), await api.CountsAsync());
    }

    [Fact]
    public async Task A_damaged_workbook_is_refused_never_a_500()
    {
        await using var api = await ReturnsEndpoint.StartAsync(StoreEngine.Sqlite);
        var good = SpreadsheetShaped();
        var random = new Random(19);
        // Cut short at any point, or with bytes changed inside its compressed parts and its directory.
        var damaged = Enumerable.Range(1, 12).Select(i => good[..(good.Length * i / 13)])
            .Concat(Enumerable.Range(0, 24).Select(_ =>
            {
                var copy = good.ToArray();
                for (var n = 0; n < 4; n++) copy[random.Next(4, copy.Length)] ^= (byte)random.Next(1, 256);
                return copy;
            }));

        foreach (var body in damaged)
        {
            var response = await PostXlsxAsync(api, body);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity,
                $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
