using Microsoft.Playwright;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// The server stops and another starts in its place on the same address and database, with pages still open: they
/// reconnect by themselves and catch up on the return accepted while they were away, without a reload.
/// </summary>
public sealed class RestartTests(Browser browser)
{
    // Automatic reconnection waits 0, 2 and 10 s, then live.js retries every 30 s: long enough for any of them.
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 60_000 };

    [Fact]
    public async Task Open_pages_reconnect_after_a_restart_and_catch_up_on_what_they_missed()
    {
        var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        var first = DashboardApp.StartOn(database);
        var key = await SeedAsync(first);
        await Returns.PostAsync(first, key, [.. Enumerable.Range(1, 12).Select(m => (object)new
            { place = Manchester, indicator = DelayedDays, period = $"2025-{m:D2}", numerator = 1000 + m % 3 * 10 })]);
        var indicatorPage = await browser.OpenAsync(first, outlivesApp: true);
        await indicatorPage.GotoAsync($"/places/{Manchester}/indicators/{DelayedDays}");
        var placePage = await browser.OpenAsync(first, outlivesApp: true);
        await placePage.GotoAsync($"/places/{Manchester}");
        foreach (var page in new[] { indicatorPage, placePage })
        {
            await Expect(page.Locator("[data-live-status]").First).ToContainTextAsync("update");
            await page.EvaluateAsync("window.notReloaded = true");
        }

        var port = first.BaseAddress.Port;
        await first.DisposeAsync();
        await using var second = DashboardApp.StartOn(database, port);
        await Returns.PostAsync(second, key, new { place = Manchester, indicator = DelayedDays, period = "2026-01", numerator = 4321 });

        await Expect(indicatorPage.Locator("#spc-table tr[data-period='2026-01']")).ToBeVisibleAsync(Patiently);
        await Expect(placePage.Locator($"[data-live-indicator='{DelayedDays}'] [data-live-value]").First)
            .ToHaveTextAsync("4,321", new() { Timeout = 60_000 });
        foreach (var page in new[] { indicatorPage, placePage })
            Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        await second.DisposeAsync();
        await database.DisposeAsync();
    }
}
