using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Dashboard.Live;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Dashboard.Tests.Live;

/// <summary>Group names are the client's to choose, and the server holds each: one connection holds a bounded number.</summary>
public sealed class HubWatchLimitTests
{
    [Fact]
    public async Task A_connection_watches_at_most_the_limit_and_unwatching_makes_room()
    {
        await using var app = await DashboardApp.StartAsync();
        await using var listener = await HubListener.ConnectAsync(app);
        var groups = Enumerable.Range(0, ScrutinyHub.MaxWatchedGroups).Select(i => ChangeGroups.Place($"E{i:D8}")).ToList();
        var oneMore = ChangeGroups.Place("E99999999");

        foreach (var group in groups) await listener.WatchAsync(group);
        // Watching a group again takes no more room.
        await listener.WatchAsync(groups[0]);
        var refused = await Assert.ThrowsAsync<HubException>(() => listener.WatchAsync(oneMore));
        await listener.UnwatchAsync(groups[0]);
        await listener.WatchAsync(oneMore);

        Assert.Contains(ScrutinyHub.TooManyGroups, refused.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, listener.Connection.State);
        // The largest page, a full panel and its own group, fits.
        Assert.True(ScrutinyHub.MaxWatchedGroups >= Silo.Panels.PanelEditor.MaxItems + 1);
    }
}
