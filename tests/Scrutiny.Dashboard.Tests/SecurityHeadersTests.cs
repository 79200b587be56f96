using System.Net.Http.Headers;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Security;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// Every kind of page answers with the Content-Security-Policy and the other security headers, and works under them:
/// no violation is reported while charts draw and download, live updates arrive, files upload and GOV.UK Frontend starts.
/// </summary>
public sealed class SecurityHeadersTests(Browser browser)
{
    private static readonly string[] Directives =
        ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"];

    [Fact]
    public async Task Every_kind_of_page_has_the_headers_starts_GOV_UK_Frontend_and_reports_no_violation()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        await Returns.PostAsync(app, keys.Agency, new { place = Manchester, indicator = DelayedDays, period = "2026-07", numerator = 1350 });
        var panel = await app.Get<PanelEditor>().CreateAsync(new PanelDraft("Admissions", null, [(Manchester, Admissions)]), "test");
        string[] publicPages =
        [
            "/", $"/places/{Manchester}", $"/places/{Manchester}/indicators/{Admissions}", $"/compare?indicator={Admissions}&type=metropolitan_borough",
            "/compare/heat-map?type=metropolitan_borough", "/panels", $"/panels/{panel.Panel!.Id}", "/sign-in", "/no-such-page",
        ];

        var (visitor, visitorWatch) = await CspWatch.OpenAsync(browser, app);
        foreach (var address in publicPages) await AssertPageAsync(visitor, address);
        var (agency, agencyWatch) = await CspWatch.OpenAsync(browser, app);
        await AgencySession.SignInAsync(agency, keys.Agency);
        foreach (var address in new[] { "/agency", "/agency/returns/upload", "/agency/returns/new" }) await AssertPageAsync(agency, address);
        var (admin, adminWatch) = await CspWatch.OpenAsync(browser, app);
        await AdminCatalogue.SignInAsync(admin, keys.Admin);
        foreach (var address in new[] { "/admin", "/admin/audit", $"/admin/agencies/{Agency}/keys" }) await AssertPageAsync(admin, address);

        visitorWatch.AssertNone();
        agencyWatch.AssertNone();
        adminWatch.AssertNone();
    }

    private static async Task AssertPageAsync(IPage page, string address)
    {
        var response = await page.GotoAsync(address);
        var headers = await response!.AllHeadersAsync();
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, headers.GetValueOrDefault("content-security-policy"));
        Assert.All(Directives, directive => Assert.Contains(directive, headers["content-security-policy"]));
        Assert.DoesNotContain("unsafe-eval", headers["content-security-policy"]);
        // Style attributes are the only inline content allowed (see SecurityHeaders for why): no inline script or <style>.
        Assert.Equal(["style-src-attr 'unsafe-inline'"], headers["content-security-policy"].Split("; ").Where(d => d.Contains("unsafe", StringComparison.Ordinal)));
        Assert.Equal("nosniff", headers.GetValueOrDefault("x-content-type-options"));
        Assert.Equal("DENY", headers.GetValueOrDefault("x-frame-options"));
        Assert.Equal("strict-origin-when-cross-origin", headers.GetValueOrDefault("referrer-policy"));
        Assert.Equal("same-origin", headers.GetValueOrDefault("cross-origin-opener-policy"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, headers.GetValueOrDefault("permissions-policy"));
        // Tests run as Development, over plain HTTP: no HSTS (see SecurityHeadersOptionsTests for Production).
        Assert.False(headers.ContainsKey("strict-transport-security"), address);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The class the inline script used to set, now set by /js/js-enabled.js, and every GOV.UK component started.
        Assert.True(await page.EvaluateAsync<bool>("document.body.classList.contains('js-enabled') && document.body.classList.contains('govuk-frontend-supported')"), address);
        await Expect(page.Locator("[data-module^='govuk-']").First).ToBeAttachedAsync();
        var notStarted = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('[data-module^=\"govuk-\"]')].filter(e => !e.hasAttribute(`data-${e.dataset.module}-init`)).map(e => e.dataset.module)");
        Assert.True(notStarted.Length == 0, $"{address}: {string.Join(", ", notStarted)} not started");
    }

    [Fact]
    public async Task The_SPC_chart_draws_shows_its_tooltip_and_downloads_PNG_and_SVG_under_the_CSP()
    {
        await using var app = await DashboardApp.StartAsync();
        await SpcCase.SeedAsync(app);
        var (page, watch) = await CspWatch.OpenAsync(browser, app);

        await page.GotoAsync($"/places/{Manchester}/indicators/{SpcCase.Indicator}");
        var figure = page.Locator("figure.app-chart--drawn");
        await Expect(figure.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        // ApexCharts' own stylesheet came from the linked file, not from a <style> it injected.
        Assert.Equal(0, await page.Locator("style#apexcharts-css").CountAsync());
        Assert.Equal("absolute", await figure.Locator(".apexcharts-tooltip").EvaluateAsync<string>("e => getComputedStyle(e).position"));
        await figure.Locator("svg [data-point-type]").Nth(5).HoverAsync(new() { Force = true });
        await Expect(figure.Locator(".apexcharts-tooltip.apexcharts-active")).ToBeVisibleAsync();

        var png = await page.RunAndWaitForDownloadAsync(() => figure.GetByRole(AriaRole.Button, new() { Name = $"Download PNG of {SpcCase.Title}" }).ClickAsync());
        var svg = await page.RunAndWaitForDownloadAsync(() => figure.GetByRole(AriaRole.Button, new() { Name = $"Download SVG of {SpcCase.Title}" }).ClickAsync());

        Assert.True(new FileInfo((await png.PathAsync())!).Length > 5000);
        Assert.Contains("<svg", await File.ReadAllTextAsync((await svg.PathAsync())!));
        watch.AssertNone();
    }

    [Fact]
    public async Task The_bar_chart_draws_on_compare_under_the_CSP()
    {
        await using var app = await DashboardApp.StartAsync();
        await ComparisonCatalogue.SeedAsync(app);
        var (page, watch) = await CspWatch.OpenAsync(browser, app);

        await page.GotoAsync($"/compare?indicator={Admissions}&type=metropolitan_borough");
        var figure = page.Locator("figure.app-chart--drawn");
        await Expect(figure.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        await figure.Locator("svg .apexcharts-bar-area").First.HoverAsync(new() { Force = true });
        await Expect(figure.Locator(".apexcharts-tooltip.apexcharts-active")).ToBeVisibleAsync();

        watch.AssertNone();
    }

    [Fact]
    public async Task A_live_update_arrives_over_the_same_origin_WebSocket_under_the_CSP()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        var (page, watch) = await CspWatch.OpenAsync(browser, app);
        var webSockets = new List<string>();
        page.WebSocket += (_, socket) => webSockets.Add(socket.Url);
        await page.GotoAsync($"/places/{Manchester}");
        await Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Figures on this page update as agencies send returns.");

        await Returns.PostAsync(app, key, new { place = Manchester, indicator = Admissions, period = "2026-07", numerator = 412, denominator = 61000 });

        await Expect(page.Locator($"[data-live-indicator='{Admissions}'] [data-live-value]")).ToHaveTextAsync("675.4 per 100,000");
        Assert.Contains(webSockets, url => url.StartsWith("ws://127.0.0.1", StringComparison.Ordinal));
        watch.AssertNone();
    }

    [Fact]
    public async Task The_upload_page_sends_its_file_with_progress_under_the_CSP()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        var (page, watch) = await CspWatch.OpenAsync(browser, app);
        await AgencySession.SignInAsync(page, key);
        await page.GotoAsync("/agency/returns/upload");
        await page.EvaluateAsync("window.notReloaded = true");

        await page.SetInputFilesAsync("#file", AgencySession.Csv("returns.csv", $"{Manchester},{Admissions},2026-07,412,61000,"));
        await page.CheckAsync("#dry-run");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Check passed: nothing was saved");
        // upload-progress.js sent it (the page was not reloaded): the module ran under the policy.
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        watch.AssertNone();
    }

    [Fact]
    public async Task API_CSV_and_static_file_responses_are_nosniff_too()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);

        foreach (var address in new[] { "/api/v1/places", $"/places/{Manchester}/scorecard.csv", "/js/charts.js", "/lib/apexcharts/apexcharts.css", "/health/live" })
        {
            using var response = await client.GetAsync(address);
            Assert.True(response.IsSuccessStatusCode, $"{address}: {(int)response.StatusCode}");
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal([SecurityHeaders.ContentSecurityPolicy], response.Headers.GetValues("Content-Security-Policy"));
        }
        using var unauthorised = await new HttpClient { BaseAddress = app.BaseAddress }.GetAsync("/api/v1/places");
        Assert.Equal(["nosniff"], unauthorised.Headers.GetValues("X-Content-Type-Options"));
    }
}
