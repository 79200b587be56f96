using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// Keyboard-only use: nothing is clicked. Tab reaches each control in order with a visible focus, Space ticks a
/// box, Enter submits a form and presses a button.
/// </summary>
public sealed class KeyboardTests(Browser browser)
{
    [Fact]
    public async Task The_scorecard_filter_is_used_with_the_keyboard_alone()
    {
        await using var app = await DashboardApp.StartAsync();
        await SpcCase.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync($"/places/{Manchester}");
        // Let the page finish starting up (live connection made, catch-up done) before the keys go in: on a busy
        // machine that start-up could otherwise land between the keys.
        await Expect(page.Locator("[data-live-status]")).ToBeVisibleAsync();

        await TabToAsync(page, "input[name=variation][value=improving]");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "button[type=submit]:text('Apply')");
        // What the page held when Enter went in, to say why if no answer comes (it has timed out a few times on a loaded
        // machine, never alone, and the failure said nothing of the page).
        var before = await page.EvaluateAsync<string>(
            "() => `focused: ${document.activeElement?.outerHTML.slice(0, 120)}; improving ticked: ${document.querySelector('input[name=variation][value=improving]')?.checked}`");
        await page.Keyboard.PressAsync("Enter");

        // Polls the address rather than waiting for a navigation event: the event can come and go between pressing
        // Enter and a waiter being set up (CI once timed out here with the new address already showing). Longer than
        // Playwright's 5 s: on CI's loaded machine (two suites, their browsers and nodes on two cores) the answer once
        // took more than 30 s.
        try
        {
            await Expect(page).ToHaveURLAsync(new Regex("variation=improving"), new() { Timeout = 90_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new TimeoutException($"No answer to the filter's Enter at {page.Url}; before Enter, {before}", e);
        }
        await Expect(page.Locator("input[name=variation][value=improving]")).ToBeCheckedAsync();
        await Expect(page.Locator($"tr[data-live-indicator='{SpcCase.Indicator}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_chart_is_downloaded_with_the_keyboard_alone()
    {
        await using var app = await DashboardApp.StartAsync();
        await SpcCase.SeedAsync(app);
        var page = await browser.OpenAsync(app);
        await page.GotoAsync($"/places/{Manchester}/indicators/{SpcCase.Indicator}");
        await Expect(page.Locator("figure[data-chart] svg.apexcharts-svg")).ToBeVisibleAsync();

        await TabToAsync(page, "figure[data-chart] button:has-text('Download PNG')");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));

        Assert.EndsWith(".png", download.SuggestedFilename, StringComparison.Ordinal);
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus, and checks the focus shows.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var presses = 0; presses < 150; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                // GOV.UK's focus state: a yellow outline or box shadow, never nothing.
                var style = await target.EvaluateAsync<string>(
                    "e => { const s = getComputedStyle(e); return s.outlineStyle + '|' + s.boxShadow + '|' + s.backgroundColor }");
                Assert.False(style.StartsWith("none|none", StringComparison.Ordinal), $"{selector} has no visible focus: {style}");
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector}.");
    }
}
