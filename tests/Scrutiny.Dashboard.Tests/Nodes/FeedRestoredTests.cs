using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Dashboard.Live;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Nodes;

/// <summary>
/// A dashboard node joins a cluster of one, then leaves. Each time the cluster's change feed may have been activated
/// anew (a node that left may have held it; a node that joins takes over part of the grain directory), and changes
/// published before a node subscribed to the new activation reached nobody: the node subscribes again, tells its
/// watchers to catch up, and goes on pushing changes made on any node. The watcher connects as a browser behind a load balancer
/// without session affinity does (WebSockets, no negotiation).
/// </summary>
public sealed class FeedRestoredTests
{
    [Fact]
    public async Task Watchers_are_told_to_catch_up_when_a_node_joins_or_leaves_and_hear_changes_made_on_either_node()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var staying = DashboardApp.StartOn(database, settings: ClusterNode.Settings("staying"));
        var key = await TestCatalogue.SeedAsync(staying);

        var catchUps = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        var changes = System.Threading.Channels.Channel.CreateUnbounded<ChangeMessage>();
        await using var watcher = new HubConnectionBuilder()
            .WithUrl(new Uri(staying.BaseAddress, ScrutinyHub.Path), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        watcher.On(ScrutinyHub.CatchUpMessage, () => catchUps.Writer.TryWrite(true));
        watcher.On<ChangeMessage>(ScrutinyHub.ChangedMessage, change => changes.Writer.TryWrite(change));
        await watcher.StartAsync(TestContext.Current.CancellationToken);
        await watcher.InvokeAsync("Watch", ChangeGroups.Place(TestCatalogue.Manchester), TestContext.Current.CancellationToken);

        var joining = DashboardApp.StartOn(database, settings: ClusterNode.Settings("joining"));
        await catchUps.Reader.ReadAsync(Within(20));
        // A change made on the node that joined reaches the watcher on the other (once the grain directory has settled:
        // a change lost before that is what the catch-up is for).
        ChangeMessage? heard = null;
        for (var month = 1; heard is null && month <= 12; month++)
        {
            await Returns.PostAsync(joining, key, new { place = TestCatalogue.Manchester, indicator = TestCatalogue.DelayedDays, period = $"2025-{month:D2}", numerator = month });
            try
            {
                heard = await changes.Reader.ReadAsync(Within(2));
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
            }
        }
        Assert.NotNull(heard);

        await joining.DisposeAsync();
        while (catchUps.Reader.TryRead(out _)) { }
        await catchUps.Reader.ReadAsync(Within(20));
        while (changes.Reader.TryRead(out _)) { }
        await Returns.PostAsync(staying, key, new { place = TestCatalogue.Manchester, indicator = TestCatalogue.DelayedDays, period = "2026-07", numerator = 20 });
        var after = await changes.Reader.ReadAsync(Within(10));
        Assert.Equal(("2026-07", (double?)20), (after.Period, after.Value));
    }

    private static CancellationToken Within(int seconds)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        return timeout.Token;
    }
}
