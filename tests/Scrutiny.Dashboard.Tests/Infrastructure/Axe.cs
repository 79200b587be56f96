using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>One way every page test asks axe-core for WCAG violations, and one way of listing them when it finds some.</summary>
public static class Axe
{
    /// <summary>axe runs as script in the page: <paramref name="page"/> must have JavaScript on (on a page without, it waits forever).</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.Empty(result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})"));
    }
}
