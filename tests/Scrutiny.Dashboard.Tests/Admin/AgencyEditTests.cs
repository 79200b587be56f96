using Dapper;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.AdminCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Admin;

/// <summary>An administrator changes the places and indicators an agency may send returns for, through the same checks as the API.</summary>
public sealed class AgencyEditTests(Browser browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ticking_places_and_indicators_changes_what_the_agency_may_send(bool javaScript)
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync("/admin/agencies");
        await Expect(page.Locator("[data-agency=MFT] [data-places]")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Manchester University NHS Foundation Trust" }).ClickAsync();
        await Expect(page.Locator($"#place-{Manchester}")).ToBeCheckedAsync();
        await Expect(page.Locator($"#place-{Trafford}")).Not.ToBeCheckedAsync();
        // England and Greater Manchester have no board, so an agency cannot sit on one there.
        await Expect(page.Locator("#place-E92000001")).ToHaveCountAsync(0);

        await page.GetByLabel("Trafford").CheckAsync();
        await page.GetByLabel("Days people spent in hospital after they were ready to leave").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save places and indicators" }).ClickAsync();

        await Expect(page.Locator("[data-outcome-banner]")).ToContainTextAsync("Places and indicators saved");
        var scope = await app.Get<SqlCatalogue>().AgencyScopeAsync(Agency);
        Assert.Equal([Manchester, Trafford], scope.Places.Order());
        Assert.Equal([Admissions, StillAtHome], scope.Indicators.Order());
        await page.GotoAsync($"/admin/agencies/{Agency}");
        await Expect(page.Locator($"#place-{Trafford}")).ToBeCheckedAsync();
        await Expect(page.Locator($"#indicator-{DelayedDays}")).Not.ToBeCheckedAsync();

        await using var connection = await app.Get<Database>().OpenAsync();
        var actors = (await connection.QueryAsync<string>("SELECT DISTINCT actor FROM audit_log WHERE action NOT LIKE 'api_key%'")).ToList();
        Assert.StartsWith("dashboard:", Assert.Single(actors));

        // The agency sees the change at once.
        var agencyPage = await browser.OpenAsync(app, javaScript);
        await AgencySession.SignInAsync(agencyPage, keys.Agency);
        await agencyPage.GotoAsync("/agency");
        await Expect(agencyPage.Locator("main")).ToContainTextAsync("You can send returns for 2 places and 2 indicators");
    }

    [Fact]
    public async Task A_second_source_for_a_single_source_indicator_names_the_other_agency_and_saves_nothing()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync($"/admin/agencies/{Agency}");

        await page.GetByLabel("Adults who reoffend within a year").CheckAsync();
        await page.GetByLabel("Trafford").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save places and indicators" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync($"in Manchester it is already assigned to {ProbationName} ({Probation})");
        await Expect(page.Locator("#indicators-community_safety-error")).ToContainTextAsync(ProbationName);
        await Expect(page).ToHaveTitleAsync("Error: Manchester University NHS Foundation Trust – Administration – Scrutiny");
        // The choice is shown as made, to correct rather than redo.
        await Expect(page.Locator($"#indicator-{Reoffending}")).ToBeCheckedAsync();
        await Expect(page.Locator($"#place-{Trafford}")).ToBeCheckedAsync();
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator($"#indicator-{Reoffending}")).ToBeFocusedAsync();

        var scope = await app.Get<SqlCatalogue>().AgencyScopeAsync(Agency);
        Assert.Equal([Manchester], scope.Places);
        Assert.DoesNotContain(Reoffending, scope.Indicators);
    }

    [Fact]
    public async Task An_unknown_agency_is_not_found()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AdminCatalogue.SignInAsync(page, keys.Admin);

        var response = await page.GotoAsync("/admin/agencies/NOPE");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
    }
}
