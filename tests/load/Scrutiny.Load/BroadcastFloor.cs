using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scrutiny.Silo.Cluster;

namespace Scrutiny.Load;

/// <summary>
/// The floor under push latency: a bare Kestrel and SignalR hub in this process, with no grains, store or page logic, on the
/// same machine in the same run. The same number of watchers join groups as they joined places, and messages of the
/// product's shape go to one group at a time at the rate the product accepted returns; latency runs from the send to the
/// watcher's receipt. No watcher can do better than this on this machine, so the product's p95 over it is the push ratio.
/// </summary>
public static class BroadcastFloor
{
    private const string HubPath = "/floor";

    public static async Task<Deliveries> RunAsync(int watcherCount, int groups, double perSecond, int seconds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePorts.Next()}");
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<FloorHub>(HubPath);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());

        var watchers = new ConcurrentBag<(string Group, HubConnection Connection, ConcurrentDictionary<string, long> Heard)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, watcherCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (w, _) =>
        {
            var group = $"place:{w % groups}";
            var heard = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(address, HubPath), options => options.Transports = HttpTransportType.WebSockets).Build();
            connection.On<FloorMessage>("changed", message => heard.TryAdd(message.Key, Stopwatch.GetTimestamp()));
            await connection.StartAsync();
            await connection.InvokeAsync(nameof(FloorHub.Watch), group);
            watchers.Add((group, connection, heard));
        });

        var hub = app.Services.GetRequiredService<IHubContext<FloorHub>>();
        var sent = new ConcurrentDictionary<string, (string Group, long At)>(StringComparer.Ordinal);
        var interval = TimeSpan.FromSeconds(1 / Math.Max(perSecond, 0.1));
        var clock = Stopwatch.StartNew();
        for (var n = 0; clock.Elapsed < TimeSpan.FromSeconds(seconds); n++)
        {
            // Paced by the schedule, not by sleeps, so that the rate holds however late a wake-up is.
            var due = interval * n;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            var group = $"place:{n % groups}";
            var key = $"floor-{n}";
            sent[key] = (group, Stopwatch.GetTimestamp());
            await hub.Clients.Group(group).SendAsync("changed", new FloorMessage(key, "place", group, "2026-10", n, DateTimeOffset.UtcNow));
        }

        var heardBy = watchers.Select(w => (w.Group, (IReadOnlyDictionary<string, long>)w.Heard)).ToList();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10) && !Deliveries.Complete(sent, heardBy)) await Task.Delay(200);
        var deliveries = Deliveries.Of(sent, heardBy);
        foreach (var watcher in watchers) await watcher.Connection.DisposeAsync();
        await app.StopAsync();
        return deliveries;
    }

    public sealed class FloorHub : Hub
    {
        public Task Watch(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    /// <summary>About the size of the product's <c>changed</c> message.</summary>
    public sealed record FloorMessage(string Key, string Kind, string Group, string Period, double Value, DateTimeOffset At);
}
