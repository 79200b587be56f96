using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>axe-core finds nothing on each page, and each page loads everything it asks for.</summary>
public sealed class AccessibilityTests(Browser browser)
{
    [Theory]
    [InlineData("/", "Places", "places")]
    [InlineData($"/places/{Manchester}", "Manchester", "place")]
    [InlineData("/no-such-page", "Page not found", "page-not-found")]
    public async Task A_page_has_no_axe_violations_and_no_failed_or_font_requests(string path, string heading, string screenshot)
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        await Returns.PostAsync(app, apiKey,
            new { place = Manchester, indicator = Admissions, period = "2026-07", numerator = 412, denominator = 61000 });
        var page = await browser.OpenAsync(app);
        var failed = new List<string>();
        var fonts = new List<string>();
        page.Response += (_, response) =>
        {
            // The page itself may be a 404; everything it loads must not be.
            if (response.Status >= 400 && response.Request.ResourceType != "document") failed.Add($"{response.Status} {response.Url}");
        };
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "font") fonts.Add(request.Url);
        };

        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Axe.AssertNoViolationsAsync(page);
        Assert.Empty(failed);
        Assert.Empty(fonts);
        await Screenshots.SaveAsync(page, screenshot);
    }
}
