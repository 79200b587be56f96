using System.Net;
using Dapper;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.AdminCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Admin;

/// <summary>An administrator makes an agency's key (shown once), sees its keys by prefix only, and revokes one after confirming.</summary>
public sealed class AgencyKeysTests(Browser browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_key_is_made_shown_once_listed_by_prefix_and_revoked_after_confirmation(bool javaScript)
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync($"/admin/agencies/{Agency}");
        await page.GetByRole(AriaRole.Link, new() { Name = "API keys for this agency" }).ClickAsync();

        await page.FillAsync("#label", "Finance upload");
        await page.FillAsync("#expires-days", "90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("API key created");
        var key = (await page.Locator("[data-new-key]").TextContentAsync())!.Trim();
        Assert.NotNull(await app.Get<ApiKeyStore>().FindAsync(key));
        var id = key.Split('_', 3)[1];
        var secret = key.Split('_', 3)[2];

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to" }).ClickAsync();
        var row = page.Locator($"[data-key='{id}']");
        await Expect(row.Locator("[data-prefix]")).ToHaveTextAsync($"scr_{id}");
        await Expect(row.Locator("[data-label]")).ToHaveTextAsync("Finance upload");
        await Expect(row.Locator("[data-state]")).ToHaveTextAsync("Active");
        await Expect(page.Locator("#keys tbody tr")).ToHaveCountAsync(2);
        Assert.DoesNotContain(secret, await page.ContentAsync());
        Assert.DoesNotContain(keys.Agency.Split('_', 3)[2], await page.ContentAsync());

        await row.GetByRole(AriaRole.Link, new() { Name = $"Revoke key scr_{id}" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Revoke key");
        await Expect(page.Locator("[data-prefix]")).ToHaveTextAsync($"scr_{id}");
        Assert.NotNull(await app.Get<ApiKeyStore>().FindAsync(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();

        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync($"Key scr_{id} revoked");
        await Expect(page.Locator($"[data-key='{id}'] [data-state]")).ToHaveTextAsync("Revoked");
        Assert.Null(await app.Get<ApiKeyStore>().FindAsync(key));
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("ApiKey", key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/places", TestContext.Current.CancellationToken)).StatusCode);

        await using var connection = await app.Get<Database>().OpenAsync();
        var audit = (await connection.QueryAsync<(string Action, string Actor, string Source)>(
            "SELECT action, actor, source FROM audit_log WHERE subject = @subject ORDER BY id", new { subject = $"scr_{id}" })).ToList();
        Assert.Equal(["api_key_created", "api_key_revoked"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("127.0.0.1", true), (a.Source, a.Actor.StartsWith("dashboard:", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_bad_expiry_is_an_error_beside_the_field_and_no_key_is_made()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync($"/admin/agencies/{Agency}/keys");

        await page.FillAsync("#expires-days", "ninety");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        await Expect(page.Locator("#expires-days-error")).ToContainTextAsync("whole number");
        await Expect(page).ToHaveTitleAsync($"Error: API keys – Manchester University NHS Foundation Trust – Scrutiny");
        Assert.Single(await app.Get<ApiKeyStore>().ListAsync(Agency));
    }

    [Fact]
    public async Task Another_agencys_key_cannot_be_revoked_through_this_agencys_address()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var other = await app.Get<ApiKeyStore>().CreateAsync(new NewApiKey(Probation, false), "test");
        var page = await browser.OpenAsync(app);
        await AdminCatalogue.SignInAsync(page, keys.Admin);

        var response = await page.GotoAsync($"/admin/agencies/{Agency}/keys/{other.Id}/revoke");

        Assert.Equal(404, response!.Status);
        await page.GotoAsync($"/admin/agencies/{Agency}/keys");
        await Expect(page.Locator($"[data-key='{other.Id}']")).ToHaveCountAsync(0);
    }
}
