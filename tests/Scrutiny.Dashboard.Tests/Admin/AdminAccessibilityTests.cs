using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.AdminCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Admin;

/// <summary>axe-core finds nothing on each administration page, in each state an administrator meets it in.</summary>
public sealed class AdminAccessibilityTests(Browser browser)
{
    [Theory]
    [InlineData("admin-home", "Administration")]
    [InlineData("admin-agencies", "Agencies")]
    [InlineData("admin-agency", "Manchester University NHS Foundation Trust")]
    [InlineData("admin-agency-saved", "Manchester University NHS Foundation Trust")]
    [InlineData("admin-agency-conflict", "Manchester University NHS Foundation Trust")]
    [InlineData("admin-reopenings", "Reopen a locked period")]
    [InlineData("admin-reopenings-with-errors", "Reopen a locked period")]
    [InlineData("admin-reopenings-saved", "Reopen a locked period")]
    [InlineData("admin-keys", "API keys")]
    [InlineData("admin-key-created", "API key created")]
    [InlineData("admin-key-revoke", "Revoke key")]
    [InlineData("admin-audit", "Audit log")]
    [InlineData("admin-audit-with-errors", "Audit log")]
    [InlineData("access-denied", "You cannot open this page")]
    public async Task An_administration_page_has_no_axe_violations_and_no_failed_requests(string state, string heading)
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        // The access-denied page answers 403 on purpose, and a search with a mistake 400; nothing else on any page may fail.
        var audit = PageAudit.Watch(page, response => response.Url.Contains("/access-denied", StringComparison.Ordinal)
            || (response.Status == 400 && response.Url.Contains("/admin/audit?from=yesterday", StringComparison.Ordinal)));
        await AdminCatalogue.SignInAsync(page, keys.Admin);

        await ReachAsync(page, state);
        await audit.AssertCleanAsync(page, heading, state);
    }

    private static async Task ReachAsync(IPage page, string state)
    {
        switch (state)
        {
            case "admin-home":
                await page.GotoAsync("/admin");
                break;
            case "admin-agencies":
                await page.GotoAsync("/admin/agencies");
                break;
            case "admin-agency":
                await page.GotoAsync($"/admin/agencies/{Agency}");
                break;
            case "admin-agency-saved":
                await page.GotoAsync($"/admin/agencies/{Agency}");
                await page.GetByLabel("Trafford").CheckAsync();
                await SaveScopeAsync(page);
                await Expect(page.Locator("[data-outcome-banner]")).ToBeVisibleAsync();
                break;
            case "admin-agency-conflict":
                await page.GotoAsync($"/admin/agencies/{Agency}");
                await page.GetByLabel("Adults who reoffend within a year").CheckAsync();
                await SaveScopeAsync(page);
                await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
                break;
            case "admin-reopenings":
                await page.GotoAsync($"/admin/agencies/{Agency}/reopenings");
                break;
            case "admin-reopenings-with-errors":
                await page.GotoAsync($"/admin/agencies/{Agency}/reopenings");
                await ReopenAsync(page);
                await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
                break;
            case "admin-reopenings-saved":
                await page.GotoAsync($"/admin/agencies/{Agency}/reopenings");
                await page.SelectOptionAsync("#indicator", Admissions);
                await page.FillAsync("#period", LockedMonth);
                await page.FillAsync("#reason", "The trust found a coding error");
                await ReopenAsync(page);
                await Expect(page.Locator("[data-outcome-banner]")).ToBeVisibleAsync();
                break;
            case "admin-keys":
                await page.GotoAsync($"/admin/agencies/{Agency}/keys");
                break;
            case "admin-key-created":
                await page.GotoAsync($"/admin/agencies/{Agency}/keys");
                await page.FillAsync("#label", "Finance upload");
                await page.FillAsync("#expires-days", "90");
                await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
                await Expect(page.Locator("[data-new-key]")).ToBeVisibleAsync();
                break;
            case "admin-key-revoke":
                await page.GotoAsync($"/admin/agencies/{Agency}/keys");
                await page.Locator("#keys tbody tr a").First.ClickAsync();
                await Expect(page.Locator("h1")).ToContainTextAsync("Revoke key");
                break;
            case "admin-audit":
                await page.GotoAsync($"/admin/agencies/{Agency}");
                await page.GetByLabel("Trafford").CheckAsync();
                await SaveScopeAsync(page);
                await page.GotoAsync("/admin/audit");
                break;
            case "admin-audit-with-errors":
                await page.GotoAsync("/admin/audit?from=yesterday");
                break;
            case "access-denied":
                await page.GotoAsync("/agency");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }
    }

    private static Task SaveScopeAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Save places and indicators" }).ClickAsync();

    private static Task ReopenAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Reopen period" }).ClickAsync();
}
