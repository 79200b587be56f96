using Microsoft.Playwright;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.Boards;

/// <summary>
/// WCAG 2.2's target size (2.5.8) on a commitment measured by several indicators: each indicator's Turn the Curve
/// link, in small text right under the indicator's own link, was a 20px target (axe's target-size, three times).
/// </summary>
public sealed class CommitmentTargetSizeTests(Browser browser)
{
    // A demo commitment with three indicators, so three Turn the Curve links one under another's indicator link.
    private const string Board = "bolton-partnership-board";
    private const string Commitment = "c6";

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_commitment_with_several_indicators_passes_axe_with_WCAG_2_2_rules(int width)
    {
        await using var app = await DashboardApp.StartAsync();
        await app.Get<DemoSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        var page = await browser.OpenAsync(app);
        await page.SetViewportSizeAsync(width, 800);

        await page.GotoAsync(BoardPaths.Commitment(Board, Commitment));

        Assert.Contains("wcag22aa", Axe.Tags);
        await Expect(page.Locator("#indicators-table").GetByRole(AriaRole.Link, new() { NameRegex = new("^Turn the Curve") })).ToHaveCountAsync(3);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Axe.AssertNoViolationsAsync(page);
    }
}
