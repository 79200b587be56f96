using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Audit;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Audit;

/// <summary><c>GET /api/v1/audit</c>: each filter, paging newest first, the CSV of the same search, administrators only.</summary>
public sealed class AuditSearchApiTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory, ClassData(typeof(Engines))]
    public async Task Each_filter_narrows_the_search_and_the_csv_holds_the_same_rows(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await SeedAsync(api,
            new AuditEntry(Day1, "api-key:aaa", "target_set", "E08000003/days", "{\"v\":1}"),
            new AuditEntry(Day1.AddDays(1), "dashboard:BBB", "panel_created", "panel:abc", "{\"name\":\"=cmd\"}"),
            new AuditEntry(Day1.AddDays(2).AddHours(13), "api-key:aaa", "target_cleared", "E08000009/days", "{}"),
            new AuditEntry(Day1.AddDays(3), "cli:root", "api_key_revoked", "scr_50%_off", "{}"));

        Assert.Equal(["scr_50%_off", "E08000009/days", "panel:abc", "E08000003/days"], await SubjectsAsync(api, ""));
        Assert.Equal(["E08000009/days", "E08000003/days"], await SubjectsAsync(api, "?actor=API-KEY:A"));
        Assert.Equal(["panel:abc"], await SubjectsAsync(api, "?action=panel_created"));
        Assert.Equal(["E08000009/days"], await SubjectsAsync(api, "?subject=e08000009"));
        // % and _ are looked for as themselves, not as wildcards.
        Assert.Equal(["scr_50%_off"], await SubjectsAsync(api, "?subject=50%25_"));
        // Days are whole and inclusive: to=2026-03-03 includes 23:00 that day.
        Assert.Equal(["E08000009/days", "panel:abc"], await SubjectsAsync(api, "?from=2026-03-02&to=2026-03-03"));
        Assert.Equal(["E08000009/days"], await SubjectsAsync(api, "?actor=aaa&from=2026-03-02"));

        var csv = await api.GetAsync("/api/v1/audit?from=2026-03-02&to=2026-03-03&format=csv", api.AdminKey);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", AuditCsv.Header), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2026-03-03T23:00:00.000Z,api-key:aaa,target_cleared,E08000009/days,unknown,", lines[1]);
        // Typed text is neutralised as in every export: a detail starting with a formula character would be quoted with '.
        Assert.Contains("panel_created", lines[2]);
    }

    [Fact]
    public async Task Pages_hold_fifty_rows_newest_first()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        await SeedAsync(api, [.. Enumerable.Range(0, 120).Select(i => new AuditEntry(Day1.AddMinutes(i), "a", "paged", $"s{i:000}", "{}"))]);

        var first = await PageAsync(api, "?action=paged");
        var third = await PageAsync(api, "?action=paged&page=3");

        Assert.Equal((120, 50, 1), (first.GetProperty("total").GetInt32(), first.GetProperty("entries").GetArrayLength(), first.GetProperty("page").GetInt32()));
        Assert.Equal("s119", first.GetProperty("entries")[0].GetProperty("subject").GetString());
        Assert.Equal(20, third.GetProperty("entries").GetArrayLength());
        Assert.Equal("s000", third.GetProperty("entries")[19].GetProperty("subject").GetString());
        Assert.Equal(3, third.GetProperty("pages").GetInt32());
    }

    [Fact]
    public async Task Only_administrators_search_and_a_bad_date_is_a_400()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit?format=csv", api.AgencyKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/audit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/audit?from=31/12/2026", api.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/audit?from=2026-03-02&to=2026-03-01", api.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/audit?format=xml", api.AdminKey)).StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task The_last_day_of_the_calendar_ends_a_search_and_a_page_past_the_end_is_empty(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await SeedAsync(api, new AuditEntry(Day1, "a", "far", "s", "{}"));

        Assert.Equal(["s"], await SubjectsAsync(api, "?action=far&to=9999-12-31"));
        Assert.Equal(["s"], await SubjectsAsync(api, "?action=far&from=0001-01-01&to=9999-12-31"));
        var csv = await api.GetAsync("/api/v1/audit?action=far&to=9999-12-31&format=csv", api.AdminKey);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        // The greatest page there is: its offset is past every row, not a negative number PostgreSQL refuses.
        var last = await PageAsync(api, $"?page={int.MaxValue}");
        Assert.Equal((int.MaxValue, 0), (last.GetProperty("page").GetInt32(), last.GetProperty("entries").GetArrayLength()));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("1e10")]
    [InlineData("99999999999")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1%0D%0AWarning: forged")]
    public async Task A_page_that_is_not_a_whole_number_from_1_is_a_400_naming_the_field(string page)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);

        var response = await api.GetAsync($"/api/v1/audit?page={page}", api.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("page", Assert.Single(errors.EnumerateArray()).GetProperty("field").GetString());
    }

    /// <summary>Rows written the way every change writes them; the source is left to the ambient default for old rows' sake.</summary>
    private static async Task SeedAsync(CatalogueApiUnderTest api, params AuditEntry[] entries)
    {
        var database = api.Node.Services.GetRequiredService<Database>();
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var entry in entries) await AuditLog.AppendAsync(connection, transaction, entry, database.Engine);
            // As rows written before the source column existed.
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE audit_log SET source = 'unknown' WHERE actor = 'api-key:aaa'", transaction: transaction);
            return 0;
        });
    }

    private static async Task<JsonElement> PageAsync(CatalogueApiUnderTest api, string query)
    {
        var response = await api.GetAsync($"/api/v1/audit{query}", api.AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The subjects a search finds, leaving out the rows the test's own keys wrote.</summary>
    private static async Task<List<string>> SubjectsAsync(CatalogueApiUnderTest api, string query)
    {
        var page = await PageAsync(api, query);
        return [.. page.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() != "api_key_created")
            .Select(e => e.GetProperty("subject").GetString()!)];
    }
}
