using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>The indicator page: values by period, each agency's contribution, the revision history and unusual values.</summary>
public sealed class IndicatorPageTests(Browser browser)
{
    [Fact]
    public async Task Revisions_notes_and_unusual_values_show_as_text_without_JavaScript_and_pass_axe()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        // A steady year, then a wild month: the wild value is flagged, never refused.
        var steady = Enumerable.Range(1, 12).Select(m => (object)new { place = Manchester, indicator = DelayedDays, period = $"2025-{m:D2}", numerator = 1000 + m % 3 * 10 }).ToArray();
        await Returns.PostAsync(app, apiKey, steady);
        await Returns.PostAsync(app, apiKey, new { place = Manchester, indicator = DelayedDays, period = "2026-01", numerator = 9000, note = "<script>alert(1)</script>" });
        await Returns.PostAsync(app, apiKey, new { place = Manchester, indicator = DelayedDays, period = "2026-01", numerator = 1020, note = "corrected: a typing slip" });
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Days people spent in hospital after they were ready to leave");
        var revisions = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Revision history" }) });
        await Expect(revisions.Locator("tbody tr").First).ToContainTextAsync("2026-01, MFT, revision 2");
        await Expect(revisions.Locator("tbody tr").Nth(1)).ToContainTextAsync("<script>alert(1)</script>");
        var contributions = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Each agency's contribution" }) });
        await Expect(contributions.Locator("tbody tr").First).ToContainTextAsync("corrected: a typing slip");
        await Expect(page.Locator(".govuk-tag", new() { HasText = "Unusual value" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "indicator");

        // axe runs as script in the page, so it needs a page with JavaScript on.
        var scripted = await browser.OpenAsync(app);
        await scripted.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");
        await Axe.AssertNoViolationsAsync(scripted);
    }

    [Fact]
    public async Task A_value_far_from_the_agencys_recent_history_is_tagged_as_unusual()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var steady = Enumerable.Range(1, 12).Select(m => (object)new { place = Manchester, indicator = DelayedDays, period = $"2025-{m:D2}", numerator = 1000 + m % 3 * 10 }).ToArray();
        await Returns.PostAsync(app, apiKey, steady);
        await Returns.PostAsync(app, apiKey, new { place = Manchester, indicator = DelayedDays, period = "2026-01", numerator = 9000 });
        var page = await browser.OpenAsync(app);

        await page.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");

        var contributions = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Each agency's contribution" }) });
        await Expect(contributions.Locator("tbody tr").First.Locator(".govuk-tag")).ToHaveTextAsync("Unusual value");
        await Expect(contributions.Locator(".govuk-tag")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_long_series_shows_its_newest_sixty_periods_and_every_one_when_asked()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        // Six years of months: 72 periods.
        var months = Enumerable.Range(0, 72).Select(i => (object)new
        {
            place = Manchester, indicator = DelayedDays, period = $"{2020 + i / 12}-{i % 12 + 1:D2}", numerator = 1000 + i,
        }).ToArray();
        await Returns.PostAsync(app, apiKey, months);
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");

        await Expect(page.Locator("[data-period-window=newest]")).ToContainTextAsync("newest 60 of 72 periods");
        var spc = page.Locator("table[data-spc-table]");
        await Expect(spc.Locator("tbody tr")).ToHaveCountAsync(60);
        await Expect(spc.Locator("tbody tr").First).ToHaveAttributeAsync("data-period", "2025-12");
        await Expect(spc.Locator("tbody tr").Last).ToHaveAttributeAsync("data-period", "2021-01");
        var values = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Value by period" }) });
        await Expect(values.Locator("tbody tr")).ToHaveCountAsync(60);
        var revisions = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Revision history of the periods shown" }) });
        await Expect(revisions.Locator("tbody tr")).ToHaveCountAsync(60);

        await page.Locator("[data-period-window] a").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?periods=all#chart$"));
        await Expect(spc.Locator("tbody tr")).ToHaveCountAsync(72);
        await Expect(page.Locator("[data-period-window=all]")).ToContainTextAsync("all 72 periods");
        await Expect(page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Revision history: every value sent" }) })
            .Locator("tbody tr")).ToHaveCountAsync(72);
    }

    [Fact]
    public async Task An_unknown_indicator_is_not_found()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedAsync(app);
        var page = await browser.OpenAsync(app);

        var response = await page.GotoAsync($"/places/{Manchester}/indicators/no-such-indicator");

        Assert.Equal(404, response!.Status);
    }
}
