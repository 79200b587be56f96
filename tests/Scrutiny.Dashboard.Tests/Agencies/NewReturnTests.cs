using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.AgencySession;

namespace Scrutiny.Dashboard.Tests.Agencies;

public sealed class NewReturnTests(Browser browser)
{
    private const string ScriptNote = "<script>alert(1)</script>";

    [Fact]
    public async Task A_single_value_is_saved_and_shows_on_the_place_page()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await SignInAsync(page, apiKey);
        await page.GotoAsync("/agency/returns/new");

        await page.SelectOptionAsync("#place", Manchester);
        await page.SelectOptionAsync("#indicator", Admissions);
        await page.FillAsync("#period", "2026-07");
        await page.FillAsync("#numerator", "412");
        await page.FillAsync("#denominator", "61000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save value" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Value saved");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the place's figures" }).ClickAsync();
        await Expect(page.Locator($"tr[data-live-indicator='{Admissions}'] [data-live-value]")).ToHaveTextAsync("675.4 per 100,000");
    }

    [Fact]
    public async Task A_wrong_value_is_shown_beside_its_field_with_the_form_filled_in_again()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await SignInAsync(page, apiKey);
        await page.GotoAsync("/agency/returns/new");

        await page.SelectOptionAsync("#place", Manchester);
        await page.SelectOptionAsync("#indicator", DelayedDays);
        await page.FillAsync("#period", "2026-07");
        await page.FillAsync("#numerator", "-5");
        await page.FillAsync("#note", ScriptNote);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save value" }).ClickAsync();

        var summaryLink = page.Locator(".govuk-error-summary a");
        await Expect(summaryLink).ToHaveCountAsync(1);
        await Expect(summaryLink).ToHaveAttributeAsync("href", "#numerator");
        await Expect(page.Locator(".govuk-form-group--error")).ToHaveCountAsync(1);
        await Expect(page.Locator(".govuk-form-group--error #numerator")).ToHaveValueAsync("-5");
        await Expect(page.Locator("#numerator-error")).ToContainTextAsync("Error:");
        await Expect(page.Locator("#numerator")).ToHaveAttributeAsync("aria-describedby", "numerator-hint numerator-error");
        await Expect(page).ToHaveTitleAsync("Error: Enter a value – Scrutiny");
        // Everything typed comes back, the note as the text it is.
        await Expect(page.Locator("#place")).ToHaveValueAsync(Manchester);
        await Expect(page.Locator("#indicator")).ToHaveValueAsync(DelayedDays);
        await Expect(page.Locator("#period")).ToHaveValueAsync("2026-07");
        await Expect(page.Locator("#note")).ToHaveValueAsync(ScriptNote);
        Assert.Equal(0, dialogs);
        await Screenshots.SaveAsync(page, "agency-new-value-with-error");

        await page.FillAsync("#numerator", "5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save value" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Value saved");
        Assert.Equal(0, dialogs);
    }
}
