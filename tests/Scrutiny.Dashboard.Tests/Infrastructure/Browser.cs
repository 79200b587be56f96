using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Scrutiny.Dashboard.Tests.Infrastructure.Browser))]

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// One Debian Chromium headless shell for the test run (what Playwright runs headless itself: about a third of the
/// full browser's CPU time for the same tests), driven by Playwright (whose own browser download cannot work here). Each test opens its own context, so cookies and storage never cross tests.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ExecutableVariable = "SCRUTINY_CHROMIUM";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Chromium => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ExecutableVariable) ?? "/usr/bin/chromium-headless-shell",
            // The machine's network is closed: without the background-networking flags Chromium keeps trying to
            // reach Google's services. --no-sandbox because the tests may run as root.
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
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
