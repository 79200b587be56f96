using Microsoft.Playwright;
using Scrutiny.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(Scrutiny.Dashboard.Tests.Infrastructure.Browser))]

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// One Chromium for the test run (<see cref="ChromiumLaunch"/>), driven by Playwright. Each test opens its own
/// context, so cookies and storage never cross tests.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Chromium => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(ChromiumLaunch.Options);
    }

    /// <param name="outlivesApp">Kept open when the app stops (a test of pages that see the app restart).</param>
    public async Task<IPage> OpenAsync(DashboardApp app, bool javaScript = true, bool outlivesApp = false)
    {
        var context = await Chromium.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), JavaScriptEnabled = javaScript });
        if (!outlivesApp) app.CloseBeforeStopping(() => context.CloseAsync());
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
