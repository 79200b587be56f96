using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>Rate limits (per address, per signed-in person, per API key for reads) and request size limits, over real HTTP.</summary>
public sealed class RequestLimitsTests(Browser browser)
{
    [Fact]
    public async Task Past_the_page_budget_an_address_gets_429_with_retry_after_and_the_problem_page()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?> { ["Scrutiny:RateLimits:PageRequestsPerMinute"] = "3" });
        await SeedAsync(app);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // A page, a CSV export and live catch-up share the address's budget; the page's own files and health probes do not count.
        var statuses = new List<HttpStatusCode>();
        foreach (var address in new[] { "/", "/js/charts.js", $"/places/{Manchester}/scorecard.csv", "/health/live", $"/live/places/{Manchester}" })
            statuses.Add((await client.GetAsync(address)).StatusCode);
        using var limited = await client.GetAsync($"/places/{Manchester}");
        using var health = await client.GetAsync("/health/ready");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After"))), 1, 60);
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        var body = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Too many requests", body);
        Assert.Contains("Wait a minute, then try again.", body);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_problem_page_for_429_reads_as_a_GOV_UK_page()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?> { ["Scrutiny:RateLimits:PageRequestsPerMinute"] = "1" });
        var page = await browser.OpenAsync(app);
        await page.GotoAsync("/");

        var response = await page.GotoAsync("/compare");

        Assert.Equal(429, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Too many requests");
        await Expect(page.Locator(".govuk-header, .govuk-service-navigation").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task API_reads_have_a_budget_per_key_apart_from_pages_and_from_other_keys()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?>
        {
            ["Scrutiny:RateLimits:ApiReadsPerMinute"] = "2",
            ["Scrutiny:RateLimits:PageRequestsPerMinute"] = "2",
        });
        var key = await SeedAsync(app);
        var otherKey = await app.Get<Scrutiny.Silo.Security.ApiKeyStore>().CreateAsync(Agency, isAdmin: false);

        var reads = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) reads.Add((await GetAsync(app, "/api/v1/places", key)).StatusCode);
        using var limited = await GetAsync(app, "/api/v1/indicators", key);
        using var other = await GetAsync(app, "/api/v1/places", otherKey);
        using var page = await GetAsync(app, "/", apiKey: null);
        // A write is not a read: the returns endpoint keeps its own budget.
        using var write = await PostReturnAsync(app, key);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], reads);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After"))), 1, 60);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_person_is_counted_as_themselves_not_as_their_address()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?> { ["Scrutiny:RateLimits:PageRequestsPerMinute"] = "4" });
        var key = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        // The sign-in page and its post come from the address (2 of its 4).
        await AgencySession.SignInAsync(page, key);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var anonymous = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) anonymous.Add((await client.GetAsync("/")).StatusCode);

        var signedIn = await page.GotoAsync("/");

        Assert.Contains(HttpStatusCode.TooManyRequests, anonymous);
        Assert.Equal(200, signedIn!.Status);
    }

    private static readonly Dictionary<string, string?> SmallBodies = new() { ["Scrutiny:RequestLimits:MaxBodyBytes"] = "2000" };

    [Fact]
    public async Task A_form_over_the_body_limit_is_refused_while_returns_files_keep_their_own_larger_limit()
    {
        await using var app = await DashboardApp.StartAsync(SmallBodies);
        var key = await SeedAsync(app);
        var csv = MonthlyRows(60);
        Assert.InRange(Encoding.UTF8.GetByteCount(csv), 2500, 10_000);

        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var form = await client.PostAsync("/sign-in", new FormUrlEncodedContent([new("api-key", new string('x', 5000))]));
        using var api = await PostCsvAsync(app, key, csv);
        var page = await browser.OpenAsync(app);
        await AgencySession.SignInAsync(page, key);
        await page.GotoAsync("/agency/returns/upload");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "returns.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.CheckAsync("#dry-run");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        // Antiforgery reads a form first; one it cannot read (Kestrel stops it at the limit) is a bad request.
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check passed: nothing was saved");
    }

    [Fact]
    public async Task A_form_field_over_the_value_limit_is_refused()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?> { ["Scrutiny:RequestLimits:MaxFormValueBytes"] = "1000" });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent([new("api-key", new string('x', 5000))]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary><paramref name="rows"/> valid, distinct monthly rows of delayed-discharge-days from 2020-01 on.</summary>
    private static string MonthlyRows(int rows)
    {
        var csv = new StringBuilder("place,indicator,period,numerator,denominator,note\n");
        for (var i = 0; i < rows; i++) csv.Append($"{Manchester},{DelayedDays},{2020 + i / 12}-{i % 12 + 1:00},{100 + i},,\n");
        return csv.ToString();
    }

    private static async Task<HttpResponseMessage> GetAsync(DashboardApp app, string address, string? apiKey)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        return await client.GetAsync(address);
    }

    private static Task<HttpResponseMessage> PostReturnAsync(DashboardApp app, string apiKey) =>
        PostCsvAsync(app, apiKey, $"place,indicator,period,numerator,denominator,note\n{Manchester},{DelayedDays},2026-07,12,,\n");

    private static async Task<HttpResponseMessage> PostCsvAsync(DashboardApp app, string apiKey, string csv)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        return await client.PostAsync("/api/v1/returns?dryRun=true", new StringContent(csv, Encoding.UTF8, "text/csv"));
    }
}
