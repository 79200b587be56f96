using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.Admin;

/// <summary>Administrators sign in on the agencies' page with their own key; each kind of session keeps to its own pages.</summary>
public sealed class AdminSignInTests(Browser browser)
{
    [Fact]
    public async Task An_administrator_signs_in_to_the_page_asked_for_as_Administrator_with_no_agency_and_signs_out()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync("/admin/agencies");
        Assert.Equal("/sign-in", new Uri(page.Url).AbsolutePath);

        await page.FillAsync("#api-key", keys.Admin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with API key" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Agencies");
        await Expect(page.Locator("[data-signed-in-admin]")).ToHaveTextAsync("Administrator");
        await Expect(page.Locator("[data-signed-in-agency]")).ToHaveCountAsync(0);
        Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "scrutiny-agency");
        Assert.DoesNotContain(keys.Admin, await page.ContentAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.Locator("[data-signed-in-admin]")).ToHaveCountAsync(0);
        await page.GotoAsync("/admin");
        Assert.Equal("/sign-in", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Signing_in_with_an_administrators_key_and_no_return_address_goes_to_administration()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);

        await AdminCatalogue.SignInAsync(page, keys.Admin);

        Assert.Equal("/admin", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Administration");
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/agencies")]
    [InlineData("/admin/agencies/MFT")]
    [InlineData("/admin/agencies/MFT/reopenings")]
    [InlineData("/admin/agencies/MFT/keys")]
    [InlineData("/admin/agencies/GMP/keys")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit.csv")]
    public async Task An_agency_session_cannot_open_administration_pages(string path)
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AgencySession.SignInAsync(page, keys.Agency);

        var response = await page.GotoAsync(path);

        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("You cannot open this page");
        await Expect(page.Locator("[data-access-denied]")).ToContainTextAsync("Administration pages are for administrators");
    }

    [Theory]
    [InlineData("/agency")]
    [InlineData("/agency/returns")]
    [InlineData("/agency/returns/upload")]
    [InlineData("/agency/returns/new")]
    [InlineData("/agency/returns/template?period=2026-10")]
    public async Task An_administrator_session_cannot_open_agency_pages(string path)
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AdminCatalogue.SignInAsync(page, keys.Admin);

        var response = await page.GotoAsync(path);

        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("You cannot open this page");
        await Expect(page.Locator("[data-access-denied]")).ToContainTextAsync("Agency pages are for an agency's staff");
    }
}
