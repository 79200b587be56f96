using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>One way every page test asks axe-core for WCAG violations, and one way of listing them when it finds some.</summary>
public static class Axe
{
    /// <summary>
    /// The rules run: WCAG 2.0 to 2.2 A and AA, and axe's best practices. axe leaves WCAG 2.2's rules out unless asked
    /// (target-size, 2.5.8, is off by default), and the dashboard promises WCAG 2.2 AA.
    /// </summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
        // Named as well as tagged: a rule off by default is not run for its tag alone in every axe version.
        Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new() { Enabled = true } },
        // Every rule still runs on every element; only the violations come back with each element they name. The
        // passes, the incomplete and the inapplicable came back too, every element of each with its markup, to be
        // written and read for nothing (docs/benchmarks.md, "Back towards 30 minutes").
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>axe runs as script in the page: <paramref name="page"/> must have JavaScript on (on a page without, it waits forever).</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Options);
        Assert.Empty(result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})"));
    }
}
