using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.AgencySession;

namespace Scrutiny.Dashboard.Tests.Agencies;

public sealed class OurReturnsTests(Browser browser)
{
    [Fact]
    public async Task Our_returns_shows_each_return_s_status_in_words()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        // By the real clock, as the app's: last month's return sent twice is revised whatever today is, and the month
        // three back ended long enough ago (more than the default 30 days to its due date) to be overdue.
        var thisMonth = DateOnly.FromDateTime(DateTime.UtcNow) is var today ? new DateOnly(today.Year, today.Month, 1) : default;
        var lastMonth = thisMonth.AddMonths(-1).ToString("yyyy-MM");
        var threeBack = thisMonth.AddMonths(-3).ToString("yyyy-MM");
        await Returns.PostAsync(app, apiKey, new { place = Manchester, indicator = Admissions, period = lastMonth, numerator = 412, denominator = 61000 });
        await Returns.PostAsync(app, apiKey, new { place = Manchester, indicator = Admissions, period = lastMonth, numerator = 413, denominator = 61000 });
        var page = await browser.OpenAsync(app);
        await SignInAsync(page, apiKey);

        await page.GotoAsync("/agency");
        await page.GetByRole(AriaRole.Link, new() { Name = "See your returns" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Your returns");
        var admissions = page.Locator($"table[data-indicator='{Admissions}']");
        await Expect(admissions.Locator("caption")).ToHaveTextAsync("Emergency hospital admissions of people aged 65 and over");
        await Expect(admissions.Locator($"tr[data-period='{lastMonth}'] [data-status]")).ToHaveTextAsync("Revised");
        await Expect(admissions.Locator($"tr[data-period='{threeBack}'] [data-status]")).ToHaveTextAsync("Overdue");
        await Expect(page.Locator($"table[data-indicator='{Reoffending}']")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "agency-our-returns");
    }
}
