using System.Net;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

public sealed class PlacePageTests(Browser browser)
{
    [Fact]
    public async Task A_return_posted_through_the_API_appears_on_the_open_page_without_a_reload()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync($"/places/{Manchester}");
        await Expect(Value(page, Admissions)).ToHaveTextAsync("No returns yet");
        // Shown once the page watches its group, so the change below arrives by push, not by the catch-up fetch.
        await Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Figures on this page update as agencies send returns.");
        await page.EvaluateAsync("window.notReloaded = true");

        await Returns.PostAsync(app, apiKey,
            new { place = Manchester, indicator = Admissions, period = "2026-07", numerator = 412, denominator = 61000 },
            new { place = Manchester, indicator = DelayedDays, period = "2026-07", numerator = 12345 });

        await Expect(Value(page, Admissions)).ToHaveTextAsync("675.4 per 100,000");
        await Expect(Period(page, Admissions)).ToHaveTextAsync("2026-07");
        await Expect(Value(page, DelayedDays)).ToHaveTextAsync("12,345");
        await Expect(page.Locator("[data-live-announcer]")).ToContainTextAsync(
            "Emergency hospital admissions of people aged 65 and over: 675.4 per 100,000 for 2026-07");
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        await Screenshots.SaveAsync(page, "place-after-live-update");
    }

    [Fact]
    public async Task A_change_made_before_the_page_watches_is_caught_up()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        // The return goes in after the page was rendered and before its connection watches anything (the script that
        // opens the connection is held back until then): no message will carry it, as after a reconnect, so only the
        // catch-up fetch can show it.
        await page.RouteAsync("**/js/live.js*", async route =>
        {
            await Returns.PostAsync(app, apiKey,
                new { place = Manchester, indicator = DelayedDays, period = "2026-08", numerator = 2500 });
            await route.ContinueAsync();
        });

        await page.GotoAsync($"/places/{Manchester}");

        await Expect(Value(page, DelayedDays)).ToHaveTextAsync("2,500");
        await Expect(Period(page, DelayedDays)).ToHaveTextAsync("2026-08");
    }

    [Fact]
    public async Task The_place_page_shows_every_indicator_by_theme_with_JavaScript_off()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        await Returns.PostAsync(app, apiKey,
            new { place = Manchester, indicator = Admissions, period = "2026-07", numerator = 412, denominator = 61000 },
            new { place = Manchester, indicator = DelayedDays, period = "2026-07", numerator = 1234 },
            new { place = Manchester, indicator = StillAtHome, period = "2026-Q2", numerator = 161, denominator = 200 });
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync($"/places/{Manchester}");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Manchester");
        await Expect(page.Locator("caption")).ToHaveTextAsync(["Community safety", "Health and care"]);
        await Expect(Value(page, Admissions)).ToHaveTextAsync("675.4 per 100,000");
        await Expect(Value(page, DelayedDays)).ToHaveTextAsync("1,234");
        await Expect(Value(page, StillAtHome)).ToHaveTextAsync("80.5%");
        await Expect(Period(page, StillAtHome)).ToHaveTextAsync("2026-Q2");
        await Expect(Value(page, Reoffending)).ToHaveTextAsync("No returns yet");
        await Expect(page.Locator("[data-live-status]")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "place-without-javascript");
    }

    [Fact]
    public async Task An_unknown_place_is_not_found()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedAsync(app);
        var page = await browser.OpenAsync(app);

        var response = await page.GotoAsync("/places/E99999999");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Screenshots.SaveAsync(page, "unknown-place");
    }

    private static ILocator Row(IPage page, string indicator) =>
        page.Locator($"tr[data-live-place='{Manchester}'][data-live-indicator='{indicator}']");

    private static ILocator Value(IPage page, string indicator) => Row(page, indicator).Locator("[data-live-value]");

    private static ILocator Period(IPage page, string indicator) => Row(page, indicator).Locator("[data-live-period]");
}
