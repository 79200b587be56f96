using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.AgencySession;

namespace Scrutiny.Dashboard.Tests.Agencies;

public sealed class TemplateTests(Browser browser)
{
    [Fact]
    public async Task The_template_has_a_row_for_each_place_and_assigned_indicator_in_the_indicator_s_own_period()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await SignInAsync(page, apiKey);
        await page.GotoAsync("/agency");
        await page.SelectOptionAsync("#period", "2026-10");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download template" }).ClickAsync());

        Assert.Equal("returns-mft-2026-10.csv", download.SuggestedFilename);
        using var reader = new StreamReader(await download.CreateReadStreamAsync());
        Assert.Equal(
            "place,indicator,period,numerator,denominator,note\r\n" +
            // Trafford has no board MFT sits on; proven-reoffending is not assigned to MFT; still-at-home is quarterly.
            $"{Manchester},{DelayedDays},2026-10,,,\r\n" +
            $"{Manchester},{Admissions},2026-10,,,\r\n" +
            $"{Manchester},{StillAtHome},2026-Q4,,,\r\n",
            await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_template_is_CSV_and_needs_a_period()
    {
        await using var app = await DashboardApp.StartAsync();
        var apiKey = await SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await SignInAsync(page, apiKey);

        // The browser context's request client carries the sign-in cookie.
        var csv = await page.APIRequest.GetAsync("/agency/returns/template?period=2026-10");
        var noPeriod = await page.APIRequest.GetAsync("/agency/returns/template?period=October");

        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"]);
        Assert.Equal(400, noPeriod.Status);
    }
}
