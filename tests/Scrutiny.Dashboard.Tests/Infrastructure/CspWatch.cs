using Microsoft.Playwright;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// Collects every Content-Security-Policy violation a page reports: its <c>securitypolicyviolation</c> events (through
/// an init script, which runs outside the page's CSP) and the browser's own console messages about the policy.
/// </summary>
public sealed class CspWatch
{
    private const string Marker = "CSP violation:";

    private const string Listener = $$"""
        document.addEventListener('securitypolicyviolation', e =>
          console.error('{{Marker}} ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + (e.sample || '')))
        """;

    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations => _violations;

    /// <summary>A page in a new browser context that reports its violations here; call before the page opens anything.</summary>
    public static async Task<(IPage Page, CspWatch Watch)> OpenAsync(Browser browser, DashboardApp app)
    {
        var page = await browser.OpenAsync(app);
        var watch = new CspWatch();
        await page.Context.AddInitScriptAsync(Listener);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains(Marker, StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (watch._violations) watch._violations.Add($"{page.Url}: {message.Text}");
        };
        return (page, watch);
    }

    public void AssertNone() => Assert.True(_violations.Count == 0, string.Join("\n", _violations));
}
