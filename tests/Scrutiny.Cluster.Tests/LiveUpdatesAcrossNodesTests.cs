using Microsoft.Playwright;
using Scrutiny.Cluster.Tests.Infrastructure;
using Scrutiny.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Scrutiny.Cluster.Tests;

/// <summary>
/// A change made through one node reaches the watchers of another: every node's hub hears the one change-feed grain of the
/// cluster. Behind a load balancer, the agency's request and the reader's page land on different nodes.
/// </summary>
public abstract class LiveUpdatesAcrossNodesTests(ClusterFixture cluster)
{
    protected ClusterFixture Cluster => cluster;

    [Fact]
    public async Task A_return_posted_to_node_1_reaches_a_SignalR_client_connected_to_node_3()
    {
        var agency = await cluster.NewAgencyAsync("live-hub");
        await using var watcher = await HubWatcher.ConnectAsync(cluster.Node(3));
        await watcher.WatchAsync(agency.Group);

        var answer = await agency.PostAsync(1, "2025-06", 4321);

        Assert.True(answer.Accepted, answer.ToString());
        var change = await watcher.HearAsync(c => c.Period == "2025-06");
        Assert.Equal(("indicator", 4321.0), (change.Kind, change.Value));
    }
}

[Collection(PostgreSqlCluster.Collection)]
public sealed class LiveUpdatesAcrossNodesOnPostgreSqlTests(PostgreSqlCluster cluster) : LiveUpdatesAcrossNodesTests(cluster)
{
    [Fact]
    public async Task A_return_posted_to_node_1_updates_a_page_open_on_node_3_without_a_reload()
    {
        var agency = await Cluster.NewAgencyAsync("live-page");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(ChromiumLaunch.Options);
        var page = await browser.NewPageAsync(new() { BaseURL = Cluster.Node(3).Address.ToString() });
        await page.GotoAsync($"/places/{ClusterFixture.Place}");
        await Expect(page.Locator("[data-live-status]")).ToHaveTextAsync("Figures on this page update as agencies send returns.");
        await page.EvaluateAsync("window.notReloaded = true");

        var answer = await agency.PostAsync(1, "2025-06", 4321);

        Assert.True(answer.Accepted, answer.ToString());
        await Expect(page.Locator($"#scorecard tr[data-live-place='{ClusterFixture.Place}'][data-live-indicator='{agency.Indicator}'] [data-live-value]"))
            .ToHaveTextAsync("4,321", new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
    }
}

[Collection(AzureTablesCluster.Collection)]
public sealed class LiveUpdatesAcrossNodesOnAzureTablesTests(AzureTablesCluster cluster) : LiveUpdatesAcrossNodesTests(cluster);
