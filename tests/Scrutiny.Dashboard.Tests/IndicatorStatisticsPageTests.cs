using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Tests.Statistics.Spc;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// The statistics on the indicator page: the same flags and icons as the series API and its CSV, and the target
/// and rebase points set from the page by a partner of the place.
/// </summary>
public sealed class IndicatorStatisticsPageTests(Browser browser)
{
    private const string Case = SpcCase.Name;
    private const string Indicator = SpcCase.Indicator;

    [Fact]
    public async Task The_page_the_series_api_and_the_csv_show_the_same_flags_and_icons()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedCaseAsync(app);
        using var client = Client(app, key);
        var path = $"/api/v1/places/{Manchester}/indicators/{Indicator}/series";

        var json = await client.GetFromJsonAsync<JsonElement>(path);
        var csv = await client.GetStringAsync(path + "?format=csv");
        var page = await browser.OpenAsync(app, javaScript: false);
        await page.GotoAsync($"/places/{Manchester}/indicators/{Indicator}");

        var fromApi = json.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("period").GetString(), p.GetProperty("specialCause").GetString(), p.GetProperty("pointType").GetString()))
            .ToList();
        var csvLines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csvLines[0].Split(',');
        var fromCsv = csvLines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second))
            .Select(r => ((string?)r["period"], (string?)r["special_cause"], (string?)r["point_type"])).ToList();
        var fromPage = new List<(string?, string?, string?)>();
        foreach (var row in await page.Locator("#spc-table tbody tr").AllAsync())
            fromPage.Add((await row.GetAttributeAsync("data-period"),
                await row.Locator("[data-special-cause]").GetAttributeAsync("data-special-cause"),
                await row.Locator("[data-statistic=point_type]").GetAttributeAsync("data-value")));
        fromPage.Reverse(); // the page shows the newest first

        Assert.Equal(SpcFixtures.PointsOf(Case).Select(p => p.SpecialCause), fromApi.Select(p => p.Item2));
        Assert.Equal(fromApi, fromCsv);
        Assert.Equal(fromApi, fromPage);
        var icons = SpcFixtures.IconsOf(Case);
        Assert.Equal((icons.VariationIcon, icons.AssuranceIcon),
            (json.GetProperty("variationIcon").GetString(), json.GetProperty("assuranceIcon").GetString()));
        Assert.All(csvLines.Skip(1), l => Assert.Contains($",{icons.VariationIcon},{icons.AssuranceIcon},", l));
        await Expect(page.Locator("[data-statistic=variation_icon]")).ToHaveAttributeAsync("data-value", icons.VariationIcon);
        await Expect(page.Locator("[data-statistic=assurance_icon]")).ToHaveAttributeAsync("data-value", icons.AssuranceIcon);
        await Expect(page.Locator("[data-statistic=variation_icon]")).ToHaveTextAsync("Improving: special cause, higher");
    }

    [Fact]
    public async Task A_partner_sets_a_target_and_a_rebase_from_the_page_without_JavaScript_and_the_indicator_page_shows_them()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        await Returns.PostAsync(app, key, [.. Enumerable.Range(1, 12).Select(m => (object)new
            { place = Manchester, indicator = DelayedDays, period = $"2025-{m:D2}", numerator = 1000 + m % 3 * 10 })]);
        var page = await browser.OpenAsync(app, javaScript: false);
        await AgencySession.SignInAsync(page, key);

        await page.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the target or where the limits start again" }).ClickAsync();
        await page.FillAsync("#target-value", "900");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save target" }).ClickAsync();

        // No reason: refused, with the error linked to the field and what was typed kept.
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for the change.");
        await Expect(page.Locator("#target-value")).ToHaveValueAsync("900");
        await page.FillAsync("#target-reason", "Board plan for 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save target" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The target is now 900.");

        await page.FillAsync("#rebase-period", "2025-07");
        await page.FillAsync("#rebase-reason", "New discharge-to-assess service");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start limits again" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The limits start again from 2025-07.");

        await page.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");
        await Expect(page.Locator("[data-statistic=target]")).ToHaveTextAsync("900");
        await Expect(page.Locator("dd", new() { HasText = "Board plan for 2026" })).ToBeVisibleAsync();
        await Expect(page.Locator("#rebases-table tbody tr")).ToContainTextAsync("New discharge-to-assess service");
        await Expect(page.Locator("#spc-table tr[data-period='2025-07'] th")).ToContainTextAsync("New limits from here");
        // Lower is better and every value sits above 900: the process will consistently miss it.
        await Expect(page.Locator("[data-statistic=assurance_icon]")).ToHaveAttributeAsync("data-value", "consistent_fail");
    }

    [Fact]
    public async Task The_indicator_and_settings_pages_pass_axe_and_the_settings_page_is_closed_to_others()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedCaseAsync(app);
        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);

        await page.GotoAsync($"/places/{Manchester}/indicators/{Indicator}");
        await audit.AssertCleanAsync(page, "SPC case A_INC", "indicator-statistics");
        // Not signed in: no link to change anything, and the settings page asks for sign-in.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change the target or where the limits start again" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/places/{Manchester}/indicators/{Indicator}/settings");
        Assert.Contains("/sign-in", page.Url);

        await AgencySession.SignInAsync(page, key);
        await page.GotoAsync($"/places/{Manchester}/indicators/{Indicator}/settings");
        await audit.AssertCleanAsync(page, "Target and limits for SPC case A_INC", "indicator-settings");

        // MFT sits on no board of Trafford's.
        var response = await page.GotoAsync($"/places/E08000009/indicators/{Indicator}/settings");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("form")).ToHaveCountAsync(1); // the header's sign-out form only
    }

    private static Task<string> SeedCaseAsync(DashboardApp app) => SpcCase.SeedAsync(app);

    private static HttpClient Client(DashboardApp app, string key)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }
}
