using System.Net;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// The place scorecard and the home page's counts over one seeded picture of Manchester: admissions of concern (8
/// high months after 15 steady ones, lower being better) and worse than England, similar to Greater Manchester;
/// still-at-home improving and better than England; delayed days steady (no significant change); reoffending with no
/// returns. MCC also owes admissions and has sent nothing.
/// </summary>
public sealed class ScorecardTests(Browser browser)
{
    private const string England = "E92000001";
    private const string GreaterManchester = "E47000001";
    private const string Trafford = "E08000009";

    [Fact]
    public async Task The_scorecard_shows_icons_benchmarks_trend_and_completeness_with_JavaScript_off()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedPictureAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync($"/places/{Manchester}");

        await Expect(page.Locator("#scorecard caption")).ToHaveTextAsync(["Community safety", "Health and care"]);
        var admissions = Row(page, Admissions);
        await Expect(admissions.Locator("[data-live-value]")).ToHaveTextAsync("1,475.4 per 100,000");
        await Expect(admissions.Locator("[data-live-period]")).ToHaveTextAsync("2025-11");
        await Expect(admissions.Locator("[data-statistic=variation_icon]")).ToHaveAttributeAsync("data-value", "concern_high");
        await Expect(admissions.Locator("[data-statistic=variation_icon]")).ToHaveTextAsync("Concern: special cause, higher");
        await Expect(admissions.Locator("td[data-comparator=england] [data-statistic=benchmark]")).ToHaveTextAsync("Worse");
        await Expect(admissions.Locator("td[data-comparator=england]")).ToContainTextAsync("1,000.0 per 100,000");
        await Expect(admissions.Locator("td[data-comparator=parent] [data-statistic=benchmark]")).ToHaveTextAsync("Similar");
        await Expect(admissions.Locator("[data-statistic=recent_trend]")).ToHaveAttributeAsync("data-value", "no_significant_change");
        await Expect(admissions.Locator("[data-statistic=assurance_icon]")).ToHaveCountAsync(0);
        await Expect(admissions.Locator("[data-completeness]")).ToHaveTextAsync("1 of 2 agencies; missing: MCC; late: MFT");
        await Expect(admissions.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/places/{Manchester}/indicators/{Admissions}");

        var stillAtHome = Row(page, StillAtHome);
        await Expect(stillAtHome.Locator("[data-statistic=variation_icon]")).ToHaveAttributeAsync("data-value", "improvement_high");
        await Expect(stillAtHome.Locator("td[data-comparator=england] [data-statistic=benchmark]")).ToHaveAttributeAsync("data-value", "better");
        await Expect(Row(page, DelayedDays).Locator("[data-statistic=variation_icon]")).ToHaveAttributeAsync("data-value", "common_cause");
        // England has no value for it: shown, not judged.
        await Expect(Row(page, DelayedDays).Locator("td[data-comparator=england] [data-statistic=benchmark]")).ToHaveAttributeAsync("data-value", "not_compared");
        await Expect(Row(page, Reoffending).Locator("[data-live-value]")).ToHaveTextAsync("No returns yet");
        await Expect(Row(page, Reoffending).Locator("[data-completeness]")).ToHaveTextAsync("No agency returns this here");
    }

    [Fact]
    public async Task Of_concern_and_worse_than_England_narrows_the_rows_with_JavaScript_off()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedPictureAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await page.GotoAsync($"/places/{Manchester}");
        await Expect(page.Locator("#scorecard tbody tr")).ToHaveCountAsync(4);

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Of concern" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Worse", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        Assert.EndsWith($"/places/{Manchester}?variation=concern&england=worse&theme=&sort=theme", page.Url);
        await Expect(page.Locator("#scorecard tbody tr")).ToHaveCountAsync(1);
        await Expect(Row(page, Admissions)).ToBeVisibleAsync();
        await Expect(page.Locator("[data-scorecard-count]")).ToHaveTextAsync("1 of 4 indicators match.");
        // The form shows what it filters by, and the download carries the same filter.
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Of concern" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download this scorecard (CSV)" }))
            .ToHaveAttributeAsync("href", $"/places/{Manchester}/scorecard.csv?variation=concern&england=worse");

        // Improving and worse than England: nothing.
        await page.GotoAsync($"/places/{Manchester}?variation=improving&england=worse");
        await Expect(page.Locator("#scorecard tbody tr")).ToHaveCountAsync(0);
        await Expect(page.Locator("#scorecard")).ToContainTextAsync("No indicator matches.");

        // A value no form offers is named, not ignored in silence.
        await page.GotoAsync($"/places/{Manchester}?england=awful");
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("england 'awful' is not one of");
    }

    [Fact]
    public async Task The_scorecard_sorts_by_title_and_worst_first_with_JavaScript_off()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedPictureAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await page.GotoAsync($"/places/{Manchester}");

        await page.SelectOptionAsync("#sort", "worst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        // Of concern, no significant change, improving; no value last.
        Assert.Equal([Admissions, DelayedDays, StillAtHome, Reoffending], await IndicatorsAsync(page));
        await Expect(page.Locator("#scorecard caption")).ToHaveTextAsync("All indicators, worst first");
        await Expect(page.Locator("#scorecard thead th").Nth(1)).ToHaveTextAsync("Theme");

        await page.GotoAsync($"/places/{Manchester}?sort=title");
        Assert.Equal([Reoffending, DelayedDays, Admissions, StillAtHome], await IndicatorsAsync(page));

        await page.GotoAsync($"/places/{Manchester}?theme=community_safety");
        Assert.Equal([Reoffending], await IndicatorsAsync(page));
    }

    [Fact]
    public async Task The_scorecard_csv_is_public_honours_the_filter_and_carries_metadata_period_and_source()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedPictureAsync(app);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"/places/{Manchester}/scorecard.csv?variation=concern&england=worse");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var row = Assert.Single(lines.Skip(1)).Split(',');
        var cells = header.Zip(row).ToDictionary(x => x.First, x => x.Second);
        Assert.Equal(
            [Manchester, Admissions, "rate_per_100000", "lower_is_better", "sum_numerators_and_denominators", "2025-11",
             "concern_high", "concern", "no_significant_change", GreaterManchester, "similar", "1000", "worse",
             "2025-11", "MCC", "MFT", "1 of 2 agencies; missing: MCC; late: MFT", "MFT"],
            [cells["place"], cells["indicator"], cells["unit"], cells["polarity"], cells["method"], cells["period"],
             cells["variation_icon"], cells["variation"], cells["recent_trend"], cells["parent"], cells["parent_outcome"],
             cells["england_value"], cells["england_outcome"],
             cells["completeness_period"], cells["agencies_missing"], cells["agencies_late"], cells["completeness"], cells["source_agencies"]]);
        Assert.Equal(100_000 * 900 / 61_000.0, double.Parse(cells["value"], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal("Emergency hospital admissions of people aged 65 and over", cells["title"]);

        using var whole = await client.GetAsync($"/places/{Manchester}/scorecard.csv");
        Assert.Equal(5, (await whole.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        using var bad = await client.GetAsync($"/places/{Manchester}/scorecard.csv?sort=best");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("\"field\":\"sort\"", await bad.Content.ReadAsStringAsync());
        using var unknown = await client.GetAsync("/places/E99999999/scorecard.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_home_page_counts_each_places_indicators_by_variation_with_JavaScript_off()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedPictureAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);

        await page.GotoAsync("/");

        var manchester = page.Locator($"tr[data-place='{Manchester}']");
        await Expect(manchester.Locator("[data-count=improving]")).ToHaveTextAsync("1");
        await Expect(manchester.Locator("[data-count=concern]")).ToHaveTextAsync("1");
        await Expect(manchester.Locator("[data-count=no_significant_change]")).ToHaveTextAsync("1");
        await Expect(manchester.Locator("[data-count=unusual]")).ToHaveTextAsync("0");
        await Expect(page.Locator($"tr[data-place='{Trafford}'] [data-count]")).ToHaveTextAsync("No returns yet");
        // The words are in the headers, not only in colour or position.
        await Expect(page.Locator("table").First.Locator("thead th")).ToContainTextAsync(["Improving", "Of concern", "No significant change"]);

        // The same counts as a public CSV, each row saying what it counts and where the verdicts come from.
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Download these counts for every place (CSV)" }).GetAttributeAsync("href");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var lines = (await client.GetStringAsync(href)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var row = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second)).Single(r => r["place"] == Manchester);
        Assert.Equal(("1", "1", "1", "0", "latest_of_each_indicator", "spc_variation_icon_of_latest_point"),
            (row["improving"], row["of_concern"], row["no_significant_change"], row["unusual"], row["period"], row["source"]));
    }

    [Fact]
    public async Task The_home_and_place_pages_have_no_axe_violations()
    {
        await using var app = await DashboardApp.StartAsync();
        await SeedPictureAsync(app);
        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);

        await page.GotoAsync("/");
        await audit.AssertCleanAsync(page, "Places", "home");

        await page.GotoAsync($"/places/{Manchester}");
        await Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Figures on this page update as agencies send returns.");
        // What changed this month, with the figures behind a sentence opened: axe reads them too.
        await page.Locator("[data-what-changed] details summary").First.ClickAsync();
        await Expect(page.Locator("[data-what-changed] .govuk-summary-list").First).ToBeVisibleAsync();
        await audit.AssertCleanAsync(page, "Manchester", "place-scorecard");

        await page.GotoAsync($"/places/{Manchester}?variation=concern&england=worse&sort=worst");
        await audit.AssertCleanAsync(page, "Manchester", "place-scorecard-filtered");
    }

    [Fact]
    public async Task A_return_landing_changes_the_variation_icon_in_the_scorecard_without_a_reload()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        await Returns.PostAsync(app, key, [.. Months(15).Select((p, i) => (object)new
            { place = Manchester, indicator = DelayedDays, period = p, numerator = i % 2 == 0 ? 1000 : 1020 })]);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync($"/places/{Manchester}");
        var icon = Row(page, DelayedDays).Locator("[data-statistic=variation_icon]");
        await Expect(icon).ToHaveAttributeAsync("data-value", "common_cause");
        await Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Figures on this page update as agencies send returns.");
        await page.EvaluateAsync("window.notReloaded = true");

        // Eight high months after the fifteen steady ones: the last point is beyond the upper limit.
        await Returns.PostAsync(app, key, [.. Months(23).Skip(15).Select(p => (object)new
            { place = Manchester, indicator = DelayedDays, period = p, numerator = 1500 })]);

        await Expect(icon).ToHaveAttributeAsync("data-value", "concern_high");
        await Expect(Row(page, DelayedDays).Locator("[data-live-period]")).ToHaveTextAsync("2025-11");
        await Expect(page.Locator("[data-live-announcer]")).ToContainTextAsync("Scorecard updated");
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        await Screenshots.SaveAsync(page, "place-scorecard-after-live-update");
    }

    /// <summary>The picture in the class summary, through the returns API (MFT) and, for England and Greater
    /// Manchester, straight to their grains as published figures would arrive (no agency sits on their boards).</summary>
    private static async Task SeedPictureAsync(DashboardApp app)
    {
        var key = await SeedAsync(app);
        var writer = app.Get<CatalogueWriter>();
        await writer.UpsertAgenciesAsync([new Agency("MCC", "Manchester City Council", "local_government")]);
        await writer.UpsertBoardAsync(new PartnershipBoard("manchester-hwb", "Manchester Health and Wellbeing Board", Manchester, [TestCatalogue.Agency, "MCC"]));
        await writer.AssignIndicatorsAsync("MCC", [Admissions]);

        var months = Months(23).ToList();
        await Returns.PostAsync(app, key, [
            .. months.Select((p, i) => (object)new
                { place = Manchester, indicator = Admissions, period = p, numerator = i < 15 ? (i % 2 == 0 ? 595 : 605) : 900, denominator = 61_000 }),
            .. months.Select((p, i) => (object)new { place = Manchester, indicator = DelayedDays, period = p, numerator = i % 2 == 0 ? 1000 : 1020 }),
            .. Enumerable.Range(0, 23).Select(i => (object)new
                { place = Manchester, indicator = StillAtHome, period = new Period(Frequency.Quarterly, 2021, 1).Next(i).ToString(),
                  numerator = i < 15 ? (i % 2 == 0 ? 140 : 142) : 170, denominator = 200 }),
        ]);
        await PublishedAsync(app, England, Admissions, "2025-11", 100_000, 10_000_000);
        await PublishedAsync(app, GreaterManchester, Admissions, "2025-11", 14_754, 1_000_000);
        await PublishedAsync(app, England, StillAtHome, "2026-Q3", 5_000, 10_000);
    }

    private static Task PublishedAsync(DashboardApp app, string place, string indicator, string period, double numerator, double denominator) =>
        app.Get<IGrainFactory>().GetGrain<IIndicatorGrain>(IndicatorKey.For(place, indicator))
            .SubmitAsync(new ReturnSubmission($"test-{place}-{indicator}", "test", DateTimeOffset.UtcNow,
                [new ReturnedValue(period, "ONS", numerator, denominator, null)]));

    private static IEnumerable<string> Months(int count) =>
        Enumerable.Range(0, count).Select(i => new Period(Frequency.Monthly, 2024, 1).Next(i).ToString());

    private static ILocator Row(IPage page, string indicator) =>
        page.Locator($"#scorecard tr[data-live-place='{Manchester}'][data-live-indicator='{indicator}']");

    private static async Task<List<string?>> IndicatorsAsync(IPage page)
    {
        var codes = new List<string?>();
        foreach (var row in await page.Locator("#scorecard tbody tr").AllAsync()) codes.Add(await row.GetAttributeAsync("data-live-indicator"));
        return codes;
    }
}
