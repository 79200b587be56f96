using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.AgencySession;

namespace Scrutiny.Dashboard.Tests.Agencies;

/// <summary>axe-core finds nothing on each agency page, in each state a person meets it in.</summary>
public sealed class AgencyAccessibilityTests(Browser browser)
{
    [Theory]
    [InlineData("sign-in", "Sign in")]
    [InlineData("sign-in-with-error", "Sign in")]
    [InlineData("agency-home", "Manchester University NHS Foundation Trust")]
    [InlineData("agency-upload", "Upload returns")]
    [InlineData("agency-upload-with-errors", "Upload returns")]
    [InlineData("agency-upload-dry-run", "Check passed: nothing was saved")]
    [InlineData("agency-new-value", "Enter a value")]
    [InlineData("agency-new-value-with-errors", "Enter a value")]
    public async Task An_agency_page_has_no_axe_violations_and_no_failed_requests(string state, string heading)
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        var audit = PageAudit.Watch(page);
        if (!state.StartsWith("sign-in", StringComparison.Ordinal)) await SignInAsync(page, apiKey);

        await ReachAsync(page, state);
        await audit.AssertCleanAsync(page, heading, state);
    }

    private static async Task ReachAsync(IPage page, string state)
    {
        switch (state)
        {
            case "sign-in":
                await page.GotoAsync("/sign-in");
                break;
            case "sign-in-with-error":
                await page.GotoAsync("/sign-in");
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
                await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
                break;
            case "agency-home":
                await page.GotoAsync("/agency");
                break;
            case "agency-upload":
                await page.GotoAsync("/agency/returns/upload");
                break;
            case "agency-upload-with-errors":
                await page.GotoAsync("/agency/returns/upload");
                await page.SetInputFilesAsync("#file", Csv("bad.csv", $"{Manchester},{Admissions},2026-07,412,,", $"{Manchester},nope,2026-07,1,,"));
                await UploadAsync(page);
                await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
                break;
            case "agency-upload-dry-run":
                await page.GotoAsync("/agency/returns/upload");
                await page.SetInputFilesAsync("#file", Csv("good.csv", $"{Manchester},{Admissions},2026-07,412,61000,"));
                await page.CheckAsync("#dry-run");
                await UploadAsync(page);
                break;
            case "agency-new-value":
                await page.GotoAsync("/agency/returns/new");
                break;
            case "agency-new-value-with-errors":
                await page.GotoAsync("/agency/returns/new");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save value" }).ClickAsync();
                await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }
    }

    private static Task UploadAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
}
