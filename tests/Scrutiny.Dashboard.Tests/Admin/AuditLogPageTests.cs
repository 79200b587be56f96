using System.Text;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.Admin;

/// <summary>The audit log page: a GET search that works without JavaScript, 50 a page, and the CSV of the same search.</summary>
public sealed class AuditLogPageTests(Browser browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_search_narrows_the_rows_pages_them_and_downloads_the_same_rows(bool javaScript)
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        await SeedAsync(app, [.. Enumerable.Range(0, 60).Select(i =>
            new AuditEntry(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddHours(i), i % 2 == 0 ? "api-key:even" : "api-key:odd",
                "target_set", $"E08000003/row-{i:00}", "{\"reason\":\"=HYPERLINK(1)\"}"))]);
        var page = await browser.OpenAsync(app, javaScript);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();

        await page.FillAsync("#actor", "EVEN");
        await page.SelectOptionAsync("#action", "target_set");
        await page.FillAsync("#from", "2026-03-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        // Even hours from 2026-03-02 00:00 (i = 15 onwards): i = 16, 18, …, 58.
        await Expect(page.Locator("[data-audit-count]")).ToContainTextAsync("22 changes");
        await Expect(page.Locator("#audit tbody tr")).ToHaveCountAsync(22);
        await Expect(page.Locator("#audit tbody tr").First.Locator("[data-subject]")).ToHaveTextAsync("E08000003/row-58");
        await Expect(page.Locator("#actor")).ToHaveValueAsync("EVEN");

        var href = await page.Locator("[data-audit-csv]").GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, csv.Status);
        var lines = Encoding.UTF8.GetString(await csv.BodyAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(23, lines.Length);
        Assert.Contains("E08000003/row-58", lines[1]);
        Assert.All(lines.Skip(1), l => Assert.Contains("api-key:even", l));

        await page.GotoAsync("/admin/audit?action=target_set");
        await Expect(page.Locator("#audit tbody tr")).ToHaveCountAsync(50);
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.Locator("#audit tbody tr")).ToHaveCountAsync(10);
        await Expect(page.Locator("#audit tbody tr").Last.Locator("[data-subject]")).ToHaveTextAsync("E08000003/row-00");
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_an_error_beside_it()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AdminCatalogue.SignInAsync(page, keys.Admin);

        await page.GotoAsync("/admin/audit?from=yesterday");

        await Expect(page.Locator("#from-error")).ToContainTextAsync("Enter the date from as a year, month and day");
        await Expect(page.Locator("#audit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_change_made_in_the_dashboard_is_listed_with_where_it_came_from()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync($"/admin/agencies/{TestCatalogue.Agency}/keys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        await page.GotoAsync("/admin/audit?actor=dashboard:");

        var row = page.Locator("#audit tbody tr").First;
        await Expect(row.Locator("[data-action]")).ToHaveTextAsync("api_key_created");
        await Expect(row.Locator("[data-source]")).ToHaveTextAsync("127.0.0.1");
    }

    private static Task SeedAsync(DashboardApp app, AuditEntry[] entries)
    {
        var database = app.Get<Database>();
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var entry in entries) await AuditLog.AppendAsync(connection, transaction, entry, database.Engine);
            return 0;
        });
    }
}
