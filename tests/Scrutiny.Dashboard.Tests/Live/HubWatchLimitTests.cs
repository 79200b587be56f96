using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Dashboard.Live;
using Scrutiny.Dashboard.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Live;

/// <summary>
/// A group is a name the client makes up (within the hub's prefixes), and each one watched is kept by the hub for as
/// long as the connection lasts: one connection may watch only so many, or it could fill the node's memory with names.
/// </summary>
public sealed class HubWatchLimitTests
{
    [Fact]
    public async Task One_connection_watches_at_most_the_limit_and_watching_again_or_after_unwatching_is_free()
    {
        await using var app = await DashboardApp.StartAsync();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, ScrutinyHub.Path), o => o.Transports = HttpTransportType.WebSockets).Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);

        for (var i = 0; i < ScrutinyHub.MaxWatches; i++)
            await connection.InvokeAsync("Watch", $"place:made-up-{i}", TestContext.Current.CancellationToken);
        await connection.InvokeAsync("Watch", "place:made-up-0", TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Watch", "place:one-too-many", TestContext.Current.CancellationToken));
        Assert.Contains("watches", refused.Message);
        await connection.InvokeAsync("Unwatch", "place:made-up-1", TestContext.Current.CancellationToken);
        await connection.InvokeAsync("Watch", "place:one-too-many", TestContext.Current.CancellationToken);
    }
}
