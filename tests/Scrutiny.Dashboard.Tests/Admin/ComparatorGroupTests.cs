using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Admin;

/// <summary>An administrator defines a place's comparator group from the administration pages.</summary>
public sealed class ComparatorGroupTests(Browser browser)
{
    [Fact]
    public async Task An_administrator_adds_a_group_without_JavaScript_fixing_each_named_problem_and_it_is_listed_and_audited()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await AdminCatalogue.SignInAsync(page, keys.Admin);

        await page.GotoAsync("/admin/comparator-groups");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a comparator group" }).ClickAsync();
        await page.FillAsync("#id", "manchester-neighbours");
        await page.FillAsync("#name", "Manchester's neighbours");
        await page.SelectOptionAsync("#place", Manchester);
        await page.FillAsync("#members", $"{AdminCatalogue.Trafford}\nE99999999, {Manchester}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save group" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("No place has the code 'E99999999'.");
        await Expect(summary).ToContainTextAsync("A place is not its own comparator.");
        await Expect(page.Locator("#members")).ToHaveValueAsync($"{AdminCatalogue.Trafford}\nE99999999, {Manchester}");
        Assert.Empty(await app.Get<SqlCatalogue>().ListComparatorGroupsAsync());

        await page.FillAsync("#members", AdminCatalogue.Trafford);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save group" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Comparator group manchester-neighbours");
        await Expect(page.Locator("#members")).ToHaveValueAsync(AdminCatalogue.Trafford);

        await page.GotoAsync("/admin/comparator-groups");
        await Expect(page.Locator("tr[data-group='manchester-neighbours']")).ToContainTextAsync("Manchester's neighbours");
        var group = Assert.Single(await app.Get<SqlCatalogue>().ListComparatorGroupsAsync(Manchester));
        Assert.Equal([AdminCatalogue.Trafford], group.Members);
    }

    [Fact]
    public async Task The_comparator_group_pages_pass_axe_and_are_closed_to_agencies()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var agencyPage = await browser.OpenAsync(app);
        await AgencySession.SignInAsync(agencyPage, keys.Agency);
        var denied = await agencyPage.GotoAsync("/admin/comparator-groups");
        Assert.Equal(403, denied!.Status);

        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);
        await AdminCatalogue.SignInAsync(page, keys.Admin);
        await page.GotoAsync("/admin/comparator-groups/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save group" }).ClickAsync();
        await audit.AssertCleanAsync(page, "Add a comparator group", "admin-comparator-group-errors");
        await page.GotoAsync("/admin/comparator-groups");
        await audit.AssertCleanAsync(page, "Comparator groups", "admin-comparator-groups");
    }
}
