using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Agencies;

public sealed class SignInTests(Browser browser)
{
    [Theory]
    [InlineData("/agency")]
    [InlineData("/agency/returns")]
    [InlineData("/agency/returns/upload")]
    [InlineData("/agency/returns/new")]
    [InlineData("/agency/returns/template?period=2026-10")]
    public async Task A_signed_out_person_is_sent_to_sign_in(string path)
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedAsync(app);
        var page = await browser.OpenAsync(app);

        await page.GotoAsync(path);

        Assert.Equal("/sign-in", new Uri(page.Url).AbsolutePath);
        Assert.Equal(path, System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["returnUrl"]);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
    }

    [Fact]
    public async Task Signing_in_with_a_key_goes_back_to_the_page_asked_for_and_signing_out_ends_the_session()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync("/agency/returns/upload");

        await page.FillAsync("#api-key", apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with API key" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Upload returns");
        await Expect(page.Locator("[data-signed-in-agency]")).ToHaveTextAsync("Manchester University NHS Foundation Trust");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "scrutiny-agency");
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.DoesNotContain(apiKey, await page.ContentAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Places");
        await Expect(page.Locator("[data-signed-in-agency]")).ToHaveCountAsync(0);
        await page.GotoAsync("/agency");
        Assert.Equal("/sign-in", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_needs_the_page_s_antiforgery_token()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await AgencySession.SignInAsync(page, apiKey);

        // What a form on another site could send, were the cookie to go with it (SameSite=Lax depends on the
        // browser honouring it): the cookie, without the page's token.
        var forged = await page.APIRequest.PostAsync("/sign-out", new() { Form = page.APIRequest.CreateFormData() });

        Assert.Equal(400, forged.Status);
        await page.GotoAsync("/agency");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Manchester University NHS Foundation Trust");
    }

    [Theory]
    [InlineData("scr_000000000000_wrong")]
    [InlineData("not a key at all")]
    public async Task A_wrong_key_gets_an_error_and_is_not_shown_again(string wrongKey)
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync("/sign-in");

        await page.FillAsync("#api-key", wrongKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with API key" }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The API key is not one of an agency's current keys");
        await Expect(page.Locator("#api-key-error")).ToContainTextAsync("Check you pasted all of it");
        await Expect(page.Locator(".govuk-form-group--error #api-key")).ToHaveValueAsync("");
        await Expect(page).ToHaveTitleAsync("Error: Sign in – Scrutiny");
        Assert.DoesNotContain(wrongKey, await page.ContentAsync());
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "scrutiny-agency");
    }

    [Fact]
    public async Task An_administrators_key_signs_in_to_administration_and_not_to_agency_pages()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedAsync(app);
        var adminKey = await app.Get<Scrutiny.Silo.Security.ApiKeyStore>().CreateAsync(null, isAdmin: true);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync("/sign-in");

        await page.FillAsync("#api-key", adminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with API key" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Administration");
        var agencyPage = await page.GotoAsync("/agency");
        Assert.Equal(403, agencyPage!.Status);
        await Expect(page.Locator("[data-access-denied]")).ToContainTextAsync("You are signed in as an administrator");
    }

    [Fact]
    public async Task The_return_address_never_leaves_the_site()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync("/sign-in?returnUrl=" + Uri.EscapeDataString("//evil.example/agency"));

        await page.FillAsync("#api-key", apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with API key" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Manchester University NHS Foundation Trust");
        Assert.Equal(app.BaseAddress.Authority, new Uri(page.Url).Authority);
    }
}
