using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.AgencySession;

namespace Scrutiny.Dashboard.Tests.Agencies;

public sealed class UploadTests(Browser browser)
{
    private static readonly FilePayload ValidFile = Csv("returns.csv",
        $"{Manchester},{Admissions},2026-07,412,61000,",
        $"{Manchester},{DelayedDays},2026-07,12345,,\"Counted, as before\"");

    [Fact]
    public async Task A_dry_run_saves_nothing_and_the_real_upload_shows_on_the_place_page()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await SignInAsync(page, apiKey);
        await page.GotoAsync("/agency/returns/upload");
        await page.EvaluateAsync("window.notReloaded = true");

        await page.SetInputFilesAsync("#file", ValidFile);
        await page.CheckAsync("#dry-run");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Check passed: nothing was saved");
        await Expect(Summary(page, "New values it would save")).ToHaveTextAsync("2");
        // The upload went by XMLHttpRequest, with its progress shown, and the answer replaced the page's content.
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        await Expect(page).ToHaveTitleAsync("Upload returns – Scrutiny");
        await PlaceValueAsync(page, Admissions, "No returns yet");

        await page.GotoAsync("/agency/returns/upload");
        await page.SetInputFilesAsync("#file", ValidFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Returns saved");
        await Expect(Summary(page, "New values")).ToHaveTextAsync("2");
        await Expect(Summary(page, "Dry run")).ToHaveTextAsync("No");
        await PlaceValueAsync(page, Admissions, "675.4 per 100,000");
        await PlaceValueAsync(page, DelayedDays, "12,345");
    }

    [Fact]
    public async Task Upload_progress_shows_while_the_file_goes()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await SignInAsync(page, apiKey);
        await page.GotoAsync("/agency/returns/upload");
        // Holds the answer back, so that the progress can be seen before the result replaces it.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/agency/returns/upload", async route =>
        {
            if (route.Request.Method == "POST") await release.Task;
            await route.ContinueAsync();
        });

        await page.SetInputFilesAsync("#file", ValidFile);
        await page.CheckAsync("#dry-run");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(page.Locator("[data-upload-progress]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-upload-progress-text]")).ToContainTextAsync("Upload");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true })).ToBeDisabledAsync();
        await Screenshots.SaveAsync(page, "agency-upload-in-progress");
        release.SetResult();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check passed: nothing was saved");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_with_a_bad_row_lists_its_problems_and_saves_nothing(bool javaScript)
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript);
        await SignInAsync(page, apiKey);
        await page.GotoAsync("/agency/returns/upload");

        await page.SetInputFilesAsync("#file", Csv("bad.csv",
            $"{Manchester},{Admissions},2026-07,412,61000,",
            $"{Manchester},{DelayedDays},2026-07,<b>lots</b>,,"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Nothing was saved");
        await Expect(summary.Locator("li")).ToHaveTextAsync(["Row 2, numerator: '<b>lots</b>' is not a number (write it like 1234.5, without thousands separators)."]);
        await Expect(summary.Locator("a")).ToHaveAttributeAsync("href", "#problem-1");
        await Expect(page.Locator("#problem-1 th")).ToHaveTextAsync("2");
        await Expect(page.Locator("b", new() { HasText = "lots" })).ToHaveCountAsync(0);
        await Expect(page).ToHaveTitleAsync("Error: Upload returns – Scrutiny");
        // The form is there again for the corrected file.
        await Expect(page.Locator("#file")).ToBeVisibleAsync();
        await PlaceValueAsync(page, Admissions, "No returns yet");
    }

    [Fact]
    public async Task No_file_chosen_is_a_GOV_UK_error_on_the_file_input()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app, javaScript: false);
        await SignInAsync(page, apiKey);
        await page.GotoAsync("/agency/returns/upload");

        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(page.Locator(".govuk-error-summary a[href='#file']")).ToHaveTextAsync("Select a CSV file");
        await Expect(page.Locator("#file-error")).ToContainTextAsync("Select a CSV file");
    }

    private static ILocator Summary(IPage page, string key) =>
        page.Locator(".govuk-summary-list__row").Filter(new() { Has = page.Locator("dt", new() { HasTextRegex = new($"^{key}$") }) }).Locator("dd");

    private static async Task PlaceValueAsync(IPage page, string indicator, string expected)
    {
        await page.GotoAsync($"/places/{Manchester}");
        await Expect(page.Locator($"tr[data-live-indicator='{indicator}'] [data-live-value]")).ToHaveTextAsync(expected);
    }
}
