using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// What every page is held to: its heading, zero axe violations, nothing it loads failing, no font requested
/// (the GOV.UK typeface is not ours to use), and a screenshot for reviewers.
/// </summary>
public sealed class PageAudit
{
    private readonly List<string> _failed = [];
    private readonly List<string> _fonts = [];

    /// <summary>Starts listening to <paramref name="page"/>; <paramref name="expected"/> names responses allowed to fail (a 404 page, say).</summary>
    public static PageAudit Watch(IPage page, Func<IResponse, bool>? expected = null)
    {
        var audit = new PageAudit();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && expected?.Invoke(response) != true) audit._failed.Add($"{response.Status} {response.Url}");
        };
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "font") audit._fonts.Add(request.Url);
        };
        return audit;
    }

    public async Task AssertCleanAsync(IPage page, string heading, string screenshot)
    {
        await Expect(page.Locator("h1").First).ToHaveTextAsync(heading);
        // Everything the page loads (scripts, charts, the live connection), before axe and the font check look at it.
        // Longer than Playwright's 30 s: on CI's loaded machine (two suites, their browsers and nodes on two cores) a
        // comparator group's page once took longer than that to fall quiet.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 90_000 });
        await Axe.AssertNoViolationsAsync(page);
        Assert.Empty(_failed);
        Assert.Empty(_fonts);
        await Screenshots.SaveAsync(page, screenshot);
    }
}
