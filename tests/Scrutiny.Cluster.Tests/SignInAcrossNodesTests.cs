using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Scrutiny.Cluster.Tests.Infrastructure;

namespace Scrutiny.Cluster.Tests;

/// <summary>
/// Behind a load balancer a person's requests land on any node: the sign-in cookie and the antiforgery token one node
/// issues must be read by the others, which needs the nodes to share their data-protection keys.
/// </summary>
[Collection(PostgreSqlCluster.Collection)]
public sealed class SignInAcrossNodesTests(PostgreSqlCluster cluster)
{
    [Fact]
    public async Task Signed_in_on_node_1_a_form_drawn_by_node_1_is_accepted_when_posted_to_node_2()
    {
        var agency = await cluster.NewAgencyAsync("sign-in");
        // Figures first: a grain of an indicator with no values answers later reads with the series it built before the
        // target was set (IndicatorGrain.WriteSettingAsync drops its kept series only when there are periods), on one node as on three.
        Assert.True((await agency.PostAsync(3, "2025-06", 100)).Accepted);
        var (node1, node2) = (cluster.Node(1), cluster.Node(2));
        using var browser = new BrowserSession();
        using (var signedIn = await browser.PostFormAsync(node1, "/sign-in", "sign-in", await browser.AntiforgeryTokenAsync(node1, "/sign-in"), ("api-key", agency.Key)))
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect && signedIn.Headers.Location?.OriginalString != "/sign-in",
                $"sign-in on node 1: {(int)signedIn.StatusCode} {signedIn.Headers.Location}");
        var settings = $"/places/{ClusterFixture.Place}/indicators/{agency.Indicator}/settings";
        var token = await browser.AntiforgeryTokenAsync(node1, settings);

        using var posted = await browser.PostFormAsync(node2, settings, "target", token, ("target-value", "42"), ("target-reason", "Set through node 2"));

        var page = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.OK && page.Contains("The target is now 42.", StringComparison.Ordinal),
            $"the form posted to node 2: {(int)posted.StatusCode} {posted.Headers.Location} {MainText(page)}");
        using var client = agency.Client(3);
        using var read = JsonDocument.Parse(await client.GetStringAsync($"/api/v1{settings}"));
        Assert.True(read.RootElement.GetProperty("target") is { ValueKind: JsonValueKind.Number } target && target.GetDouble() == 42, read.RootElement.ToString());
    }

    /// <summary>What the page says, without its markup, for a failure message.</summary>
    private static string MainText(string html)
    {
        var main = Regex.Match(html, "<main.*?</main>", RegexOptions.Singleline).Value;
        var text = Regex.Replace(Regex.Replace(main, "<[^>]+>", " "), @"\s+", " ").Trim();
        return text.Length > 1500 ? text[..1500] : text;
    }
}
