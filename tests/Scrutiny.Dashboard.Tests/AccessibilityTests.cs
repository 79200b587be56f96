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
        // The page itself may be a 404; everything it loads must not be.
        var audit = PageAudit.Watch(page, response => response.Request.ResourceType == "document");

        await page.GotoAsync(path);
        await audit.AssertCleanAsync(page, heading, screenshot);
    }
}
