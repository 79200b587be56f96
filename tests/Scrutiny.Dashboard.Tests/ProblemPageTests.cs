using Scrutiny.Dashboard.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests;

/// <summary>A page request that fails without a body of its own is answered with a page saying what went wrong.</summary>
public sealed class ProblemPageTests(Browser browser)
{
    [Fact]
    public async Task The_too_large_page_names_the_upload_limit()
    {
        await using var app = await DashboardApp.StartAsync();
        var page = await browser.OpenAsync(app);

        await page.GotoAsync("/problem/413");

        Assert.Contains("The file is too large", await page.Locator("h1").TextContentAsync());
        Assert.Contains("(10 MB)", await page.Locator("main").TextContentAsync());
    }
}
