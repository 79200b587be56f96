using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Dashboard.Tests.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Audit;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Tables;
using static Scrutiny.Dashboard.Tests.Exports.TableWorkbooks;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Exports;

/// <summary>
/// Every table that downloads as CSV downloads as a workbook too: its first sheet the CSV's rows (from the same writer),
/// an About sheet saying what it is, whose view and under what licence, and no cell a formula whatever its text.
/// </summary>
public sealed class TableDownloadTests(TablesApp tables) : IClassFixture<TablesApp>
{
    private const string Indicator = $"/places/{Manchester}/indicators/{DelayedDays}";

    /// <summary>The pages' downloads: the CSV's address, its first sheet's name, and whether an administrator asks.</summary>
    public static TheoryData<string, string, bool> PageDownloads => new()
    {
        { "/places.csv", "Places", false },
        { $"/places/{Manchester}/scorecard.csv?sort=title", "Scorecard", false },
        { $"{Indicator}/series.csv", "Series", false },
        { $"{Indicator}/forecast.csv", "Forecast", false },
        { $"{Indicator}/revisions.csv", "Revisions", false },
        { $"{Indicator}/benchmarks.csv", "Benchmarks", false },
        { $"/compare.csv?indicator={DelayedDays}&type=metropolitan_borough", "Comparison", false },
        { "/compare/heat-map.csv?type=metropolitan_borough", "Comparison", false },
        { "/panels/{panel}.csv", "Panel", false },
        { $"/committees/{CommitteeCase.Id}/recommendations.csv", "Recommendations", false },
        { "/admin/audit.csv?action=recommendation_made", "Audit", true },
    };

    [Theory]
    [MemberData(nameof(PageDownloads))]
    public async Task A_pages_table_downloads_as_a_workbook_holding_the_CSVs_rows_and_what_they_are(string csvHref, string sheet, bool administrator)
    {
        csvHref = csvHref.Replace("{panel}", tables.PanelId, StringComparison.Ordinal);
        var xlsxHref = TableRoutes.Workbook(csvHref);
        using var anonymous = new HttpClient { BaseAddress = tables.App.BaseAddress };
        Task<HttpResponseMessage> GetAsync(string href) => administrator ? tables.Administrator.GetAsync(href) : anonymous.GetAsync(href);

        await AssertTwinsAsync(await GetAsync(csvHref), await GetAsync(xlsxHref), sheet, xlsxHref,
            administrator ? TableView.Restricted : TableView.Public);
    }

    /// <summary>The API's reads: the address without <c>format</c>, the first sheet's name, and whether only an administrator's key may read it.</summary>
    public static TheoryData<string, string, bool> ApiReads => new()
    {
        { "/api/v1/places", "Places", false },
        { $"/api/v1/places/{Manchester}/indicators", "Indicators", false },
        { $"/api/v1{Indicator}/series", "Series", false },
        { $"/api/v1{Indicator}/revisions", "Revisions", false },
        { $"/api/v1{Indicator}/benchmarks", "Benchmarks", false },
        { "/api/v1/indicators", "Indicators", false },
        { $"/api/v1/committees/{CommitteeCase.Id}/recommendations", "Recommendations", false },
        { "/api/v1/audit?action=recommendation_made", "Audit", true },
    };

    [Theory]
    [MemberData(nameof(ApiReads))]
    public async Task An_api_read_answers_format_xlsx_with_the_rows_of_format_csv(string path, string sheet, bool keyed)
    {
        using var client = new HttpClient { BaseAddress = tables.App.BaseAddress };
        var separator = path.Contains('?') ? '&' : '?';
        var xlsx = $"{path}{separator}format=xlsx";
        if (keyed)
        {
            // Refused without a key, as its CSV is; read with an administrator's.
            using var refused = await client.GetAsync(xlsx);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", tables.AdminKey);
        }

        await AssertTwinsAsync(await client.GetAsync($"{path}{separator}format=csv"), await client.GetAsync(xlsx), sheet, xlsx,
            keyed ? TableView.Restricted : TableView.Public);
    }

    [Fact]
    public async Task An_entitled_readers_workbook_holds_the_unpublished_month_and_says_not_to_hand_it_out()
    {
        using var anonymous = new HttpClient { BaseAddress = tables.App.BaseAddress };
        using var keyed = new HttpClient { BaseAddress = tables.App.BaseAddress };
        keyed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", tables.AdminKey);
        var series = $"/api/v1/places/{Manchester}/indicators/{Admissions}/series?format=xlsx";
        var panel = $"/panels/{tables.PanelId}.xlsx";

        var publicSeries = await WorkbookAsync(await anonymous.GetAsync(series));
        var entitledSeries = await WorkbookAsync(await keyed.GetAsync(series));
        var publicPanel = await WorkbookAsync(await anonymous.GetAsync(panel));
        var entitledPanel = await WorkbookAsync(await tables.Administrator.GetAsync(panel));

        foreach (var (file, entitled) in new[] { (publicSeries, false), (entitledSeries, true), (publicPanel, false), (entitledPanel, true) })
        {
            Assert.Equal(entitled, file.Rows.Any(r => r.Contains(TablesApp.UnpublishedMonth)));
            Assert.Equal(TableViews.Words(entitled ? TableView.Entitled : TableView.Public), file.About["view"]);
            Assert.Equal(!entitled, file.About.ContainsKey("licence"));
        }
        Assert.Contains("Do not hand it out in public", entitledPanel.About["view"]);
        // The panel's name starts a formula; on the About sheet it is the title, as text.
        Assert.Equal("+Committee follow-up", publicPanel.About["title"]);
    }

    [Fact]
    public async Task Text_that_starts_a_formula_is_text_in_the_workbook_and_neutralised_in_the_CSV()
    {
        using var client = new HttpClient { BaseAddress = tables.App.BaseAddress };

        foreach (var (csvHref, text) in new[]
        {
            ($"{Indicator}/revisions.csv", TablesApp.Hostile),
            ($"{Indicator}/series.csv", "-3 days on the month before"),
            ($"/committees/{CommitteeCase.Id}/recommendations.csv", TablesApp.HostileRecommendation),
        })
        {
            var csv = await CsvAsync(await client.GetByteArrayAsync(csvHref));
            var workbook = Read(await client.GetByteArrayAsync(TableRoutes.Workbook(csvHref)));

            Assert.Contains(csv, r => r.Contains("'" + text));
            Assert.Contains(workbook.Rows, r => r.Contains(text));
            Assert.False(workbook.HasFormula, csvHref);
        }
    }

    [Fact]
    public async Task The_publics_workbook_from_the_api_is_validated_by_its_rows_and_an_unknown_format_is_refused()
    {
        using var client = new HttpClient { BaseAddress = tables.App.BaseAddress };
        var xlsx = $"/api/v1{Indicator}/series?format=xlsx";

        using var first = await client.GetAsync(xlsx);
        using var second = await client.GetAsync(xlsx);
        using var csv = await client.GetAsync($"/api/v1{Indicator}/series?format=csv");
        using var revalidated = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, xlsx) { Headers = { IfNoneMatch = { first.Headers.ETag! } } });
        using var unknown = await client.GetAsync($"/api/v1{Indicator}/series?format=xls");

        // Weak: the About sheet's time and the zip's differ between the two, the rows do not.
        Assert.True(first.Headers.ETag!.IsWeak);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.NotEqual(first.Headers.ETag.Tag, csv.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("json, csv or xlsx", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_audit_workbook_reads_no_more_of_the_log_than_it_may_hold()
    {
        var search = tables.App.Get<AuditSearch>();
        var all = await search.AllAsync(AuditFilter.Everything, TestContext.Current.CancellationToken);

        var newest = await search.NewestAsync(AuditFilter.Everything, 2, TestContext.Current.CancellationToken);
        var forWorkbook = await AuditCsv.RowsAsync(search, AuditFilter.Everything, TableFormat.Xlsx, TestContext.Current.CancellationToken);

        Assert.True(all.Count > 2, $"{all.Count}");
        Assert.Equal(all.Take(2).Select(r => r.Id), newest.Select(r => r.Id));
        Assert.Equal(all.Select(r => r.Id), forWorkbook.Select(r => r.Id));
    }

    [Fact]
    public async Task Text_XML_cannot_hold_is_escaped_as_OOXML_does_rather_than_failing_the_download()
    {
        var context = Context();
        context.Request.QueryString = new QueryString("?q=%01");
        const string text = "bell\u0007 _x0041_ \uD800 \U0001F600";
        var file = new TableFile("odd", rows =>
        {
            rows.Header("text");
            rows.Text(text);
            rows.EndRow();
        }, new TableAbout("Odd", "Odd", "Odd.", TableView.Public)) { Format = TableFormat.Xlsx };

        await file.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        var workbook = Read(((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal("bell_x0007_ _x005F_x0041_ \uFFFD \U0001F600", workbook.Rows[1][0]);
        // The address is written as a URL, its query encoded.
        Assert.EndsWith("/?q=%01", workbook.About["downloaded_from"]);
    }

    [Fact]
    public async Task A_table_too_long_for_a_workbook_is_refused_saying_how_to_have_it()
    {
        var context = Context();
        var file = new TableFile("long", rows =>
        {
            rows.Header("n");
            for (var i = 0; i <= TableFile.MaxWorkbookRows; i++)
            {
                rows.Number(i);
                rows.EndRow();
            }
        }, new TableAbout("Long", "Long", "Too long.", TableView.Public)) { Format = TableFormat.Xlsx };

        await file.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains("download it as CSV", await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The CSV and the workbook of one table: the same rows, the workbook's About sheet saying what they are.</summary>
    private static async Task AssertTwinsAsync(HttpResponseMessage csvResponse, HttpResponseMessage xlsxResponse, string sheet, string xlsxHref, TableView view)
    {
        using (csvResponse)
        using (xlsxResponse)
        {
            Assert.True(csvResponse.IsSuccessStatusCode, $"{(int)csvResponse.StatusCode} {await csvResponse.Content.ReadAsStringAsync()}");
            var workbook = await WorkbookAsync(xlsxResponse);
            var csv = await CsvAsync(await csvResponse.Content.ReadAsByteArrayAsync());
            var csvName = FileName(csvResponse);
            Assert.Equal(Path.ChangeExtension(csvName, ".xlsx"), FileName(xlsxResponse));

            Assert.Equal(sheet, workbook.FirstSheet);
            Assert.Equal(csv.Select(r => r.Select(Unneutralised).ToArray()), workbook.Rows);
            Assert.False(workbook.HasFormula);
            // A number is a number a spreadsheet can add up, not text that looks like one.
            if (Array.IndexOf(csv[0], "numerator") is >= 0 and var numerator)
                Assert.All(workbook.Rows.Skip(1).Zip(workbook.Numbers.Skip(1)), r => Assert.True(r.First[numerator] == "" || r.Second[numerator]));
            var about = workbook.About;
            Assert.False(string.IsNullOrWhiteSpace(about["title"]));
            Assert.False(string.IsNullOrWhiteSpace(about["description"]));
            Assert.Equal(TableViews.Words(view), about["view"]);
            Assert.Equal(view == TableView.Public, about.TryGetValue("licence", out var licence) && licence.Contains("Open Government Licence v3.0"));
            Assert.EndsWith(xlsxHref, about["downloaded_from"]);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", about["downloaded_at"]);
            Assert.Equal((csv.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), about["rows"]);
            Assert.Equal(string.Join(", ", csv[0]), about["columns"]);
        }
    }

    private static DefaultHttpContext Context()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<Workbook> WorkbookAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(XlsxWorkbook.MediaType, response.Content.Headers.ContentType?.MediaType);
        return Read(await response.Content.ReadAsByteArrayAsync());
    }

    private static string FileName(HttpResponseMessage response) =>
        (response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName)!.Trim('"');
}
