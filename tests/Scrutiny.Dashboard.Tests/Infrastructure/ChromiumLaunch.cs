using Microsoft.Playwright;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>
/// How every browser test starts Chromium (the dashboard's tests, and the cluster's, which link this file): Debian's
/// headless shell, what Playwright runs headless itself (about a third of the full browser's CPU time for the same
/// tests), or the browser <c>SCRUTINY_CHROMIUM</c> names; Playwright's own browser download cannot work here.
/// </summary>
public static class ChromiumLaunch
{
    public const string ExecutableVariable = "SCRUTINY_CHROMIUM";

    public static BrowserTypeLaunchOptions Options => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable(ExecutableVariable) ?? "/usr/bin/chromium-headless-shell",
        // The machine's network is closed: without the background-networking flags Chromium keeps trying to reach
        // Google's services. --no-sandbox because the tests may run as root.
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };
}
