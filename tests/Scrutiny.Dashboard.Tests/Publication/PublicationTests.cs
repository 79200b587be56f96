using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Publication;

/// <summary>
/// The public sees nothing unpublished: not on a page, in a download, in the live catch-up or on the hub; a member
/// of the place's board sees it, marked; an agency's key and a scrutiny member do not; a release shows it to all,
/// live. Admissions is published on release here; 2026-06 is released, 2026-07 is not.
/// </summary>
public sealed class PublicationTests(Browser browser)
{
    private const string Released = "675.4 per 100,000";   // 412 / 61,000
    private const string Unreleased = "819.7 per 100,000"; // 500 / 61,000

    private static string IndicatorPage => $"/places/{Manchester}/indicators/{Admissions}";

    private sealed record Setup(DashboardApp App, string AgencyKey, string AdminKey);

    private static async Task<Setup> SetUpAsync()
    {
        var app = await DashboardApp.StartAsync();
        var agencyKey = await SeedAsync(app);
        await app.Get<CatalogueWriter>().SetScheduleAsync(new IndicatorSchedule(Admissions, 30, null, null, PublicationRule.OnRelease));
        var adminKey = await app.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        await Returns.PostAsync(app, agencyKey,
            new { place = Manchester, indicator = Admissions, period = "2026-06", numerator = 412, denominator = 61000 },
            new { place = Manchester, indicator = Admissions, period = "2026-07", numerator = 500, denominator = 61000 });
        await ReleaseAsync(app, adminKey, "2026-06");
        return new Setup(app, agencyKey, adminKey);
    }

    private static async Task ReleaseAsync(DashboardApp app, string adminKey, string period)
    {
        using var client = Client(app, adminKey);
        using var response = await client.PostAsJsonAsync($"/api/v1/indicators/{Admissions}/releases", new { period });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static HttpClient Client(DashboardApp app, string? key = null)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    private static readonly string[] PublicAddresses =
    [
        $"/places/{Manchester}", IndicatorPage, $"{IndicatorPage}/series.csv", $"{IndicatorPage}/revisions.csv",
        $"{IndicatorPage}/benchmarks.csv", $"/places/{Manchester}/scorecard.csv", $"/live/places/{Manchester}",
        "/compare.csv?indicator=emergency-admissions-65plus&by=type&type=metropolitan_borough",
    ];

    [Fact]
    public async Task The_public_sees_only_released_values_on_every_page_and_download_until_the_rest_is_released()
    {
        var (app, agencyKey, adminKey) = await SetUpAsync();
        await using var _ = app;
        using var anonymous = Client(app);

        foreach (var address in PublicAddresses)
        {
            var body = await anonymous.GetStringAsync(address, TestContext.Current.CancellationToken);
            Assert.DoesNotContain("2026-07", body);
            Assert.DoesNotContain("819.7", body);
        }
        Assert.Contains(Released, await anonymous.GetStringAsync(IndicatorPage, TestContext.Current.CancellationToken));
        // The agency that sent it reads no more through the API than the public does.
        using var agency = Client(app, agencyKey);
        Assert.DoesNotContain("2026-07", await agency.GetStringAsync($"/api/v1/places/{Manchester}/indicators/{Admissions}/series",
            TestContext.Current.CancellationToken));

        await ReleaseAsync(app, adminKey, "2026-07");

        var page = await anonymous.GetStringAsync(IndicatorPage, TestContext.Current.CancellationToken);
        Assert.Contains(Unreleased, page);
        Assert.DoesNotContain("Not yet published", page);
        Assert.Contains("2026-07", await anonymous.GetStringAsync($"{IndicatorPage}/series.csv", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_member_of_the_places_board_sees_unpublished_values_marked_and_a_scrutiny_member_does_not()
    {
        var (app, _, _) = await SetUpAsync();
        await using var __ = app;
        var people = await TestPeople.SeedAsync(app);
        using var board = new FormClient(app);
        using var scrutiny = new FormClient(app);
        await board.SignInAsync(people.BoardMember.Email, people.BoardMember.Password);
        await scrutiny.SignInAsync(people.ScrutinyMember.Email, people.ScrutinyMember.Password);

        var boardPage = await (await board.GetAsync(IndicatorPage)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var scrutinyPage = await (await scrutiny.GetAsync(IndicatorPage)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var boardLive = await (await board.GetAsync($"/live/places/{Manchester}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains(Unreleased, boardPage);
        Assert.Contains("data-unpublished=\"2026-07\"", boardPage);
        Assert.Contains("2026-07", boardLive);
        Assert.DoesNotContain("819.7", scrutinyPage);
        Assert.DoesNotContain("Not yet published", scrutinyPage);
    }

    [Fact]
    public async Task Hub_watchers_hear_of_an_unpublished_value_only_when_entitled_and_everyone_hears_of_its_release()
    {
        var (app, agencyKey, adminKey) = await SetUpAsync();
        await using var _ = app;
        var group = ChangeGroups.Indicator(Manchester, Admissions);
        await using var publicWatcher = await WatchAsync(app, null, group);
        await using var agencyWatcher = await WatchAsync(app, agencyKey, group);
        await using var adminWatcher = await WatchAsync(app, adminKey, group);

        await Returns.PostAsync(app, agencyKey, new { place = Manchester, indicator = Admissions, period = "2026-08", numerator = 450, denominator = 61000 });

        var unpublished = await adminWatcher.NextAsync();
        Assert.Equal((ChangeKinds.Indicator, "2026-08"), (unpublished.Kind, unpublished.Period));
        await ReleaseAsync(app, adminKey, "2026-08");
        var released = await publicWatcher.NextAsync();
        Assert.Equal((ChangeKinds.Publication, "2026-08", (double?)null), (released.Kind, released.Period, released.Value));
        Assert.Equal(ChangeKinds.Publication, (await agencyWatcher.NextAsync()).Kind);
        // Everything sent before the release has arrived by now (one connection's messages keep their order).
        Assert.DoesNotContain(publicWatcher.Received, c => c.Kind == ChangeKinds.Indicator);
        Assert.DoesNotContain(agencyWatcher.Received, c => c.Kind == ChangeKinds.Indicator);
    }

    [Fact]
    public async Task An_open_public_page_shows_a_period_as_soon_as_it_is_released()
    {
        var (app, _, adminKey) = await SetUpAsync();
        await using var _ = app;
        var page = await browser.OpenAsync(app);
        await page.GotoAsync(IndicatorPage);
        await Expect(page.Locator("[data-live-status]")).ToBeVisibleAsync();
        await Expect(page.Locator("#indicator-figures")).Not.ToContainTextAsync("819.7");
        await page.EvaluateAsync("window.notReloaded = true");

        await ReleaseAsync(app, adminKey, "2026-07");

        await Expect(page.Locator("#indicator-figures")).ToContainTextAsync(Unreleased);
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
    }

    [Fact]
    public async Task An_administrator_releases_a_period_from_the_publication_page()
    {
        var (app, _, _) = await SetUpAsync();
        await using var _ = app;
        var people = await TestPeople.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await PersonSession.SignInAsync(page, people.Administrator);
        var audit = PageAudit.Watch(page);
        await page.GotoAsync("/admin/releases");
        await audit.AssertCleanAsync(page, "Publication", "admin-releases");

        await page.GetByRole(AriaRole.Button, new() { Name = "Release period" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select an indicator");
        await page.SelectOptionAsync("#indicator", Admissions);
        await page.FillAsync("#period", "2026-06");
        await page.GetByRole(AriaRole.Button, new() { Name = "Release period" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("already released");
        await page.FillAsync("#period", "2026-07");
        await page.GetByRole(AriaRole.Button, new() { Name = "Release period" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("2026-07 is now public in every place");
        await Expect(page.Locator("[data-release='emergency-admissions-65plus/2026-07']")).ToBeVisibleAsync();
        using var anonymous = Client(app);
        Assert.Contains(Unreleased, await anonymous.GetStringAsync(IndicatorPage, TestContext.Current.CancellationToken));
    }

    private static async Task<HubListener> WatchAsync(DashboardApp app, string? key, string group)
    {
        var listener = await HubListener.ConnectAsync(app, apiKey: key);
        await listener.WatchAsync(group);
        return listener;
    }
}
