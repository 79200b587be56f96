using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Cluster.Tests.Infrastructure;
using Scrutiny.Dashboard.Live;

namespace Scrutiny.Cluster.Tests;

/// <summary>
/// Three nodes whose PostgreSQL account may hold 97 connections (a server at the default <c>max_connections</c> of 100),
/// 300 watchers each with an API key of its own connecting at once, 100 to a node, while returns keep coming: every
/// watcher connects and hears the returns, nothing is answered 5xx, and the nodes never hold more connections than
/// their pools allow (3 × <c>Scrutiny:Store:MaxPoolSize</c>, 20). Before, each connection's key check opened a database
/// connection of its own and PostgreSQL refused clients (<c>53300</c>).
/// </summary>
[Collection(PostgreSqlConnectionLimitCluster.Collection)]
public sealed class ConnectionLimitTests(PostgreSqlConnectionLimitCluster cluster, ITestOutputHelper output)
{
    private const int Watchers = 300;

    [Fact]
    public async Task Three_hundred_keyed_watchers_connect_to_three_nodes_under_a_97_connection_account_while_returns_keep_coming()
    {
        var agency = await cluster.NewAgencyAsync("limit");
        var keys = await Task.WhenAll(Enumerable.Range(0, Watchers).Select(async i =>
        {
            using var admin = cluster.Client(i % 3 + 1, cluster.AdminKey);
            using var created = await admin.PostAsJsonAsync($"/api/v1/agencies/{agency.Code}/keys", new { label = $"watcher {i}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        }));

        var traffic = new Traffic(cluster, agency);
        using var stop = new CancellationTokenSource();
        var running = traffic.RunAsync([1, 2, 3], senders: 2, stop.Token);
        var heard = new int[Watchers];
        var watchers = keys.Select((key, i) =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(cluster.Node(i % 3 + 1).Address, ScrutinyHub.Path), o =>
                {
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(key);
                })
                .Build();
            connection.On<ChangeMessage>(ScrutinyHub.ChangedMessage, _ => Interlocked.Increment(ref heard[i]));
            return connection;
        }).ToList();
        try
        {
            var connected = await Task.WhenAll(watchers.Select(async w =>
            {
                try
                {
                    await w.StartAsync(TestContext.Current.CancellationToken);
                    await w.InvokeAsync("Watch", agency.Group, TestContext.Current.CancellationToken);
                    return null;
                }
                catch (Exception ex)
                {
                    return ex.Message;
                }
            }));
            var held = await cluster.ConnectionsAsync();
            // Returns go on arriving after every watcher is watching: each hears some.
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            await stop.CancelAsync();
            await running;

            output.WriteLine($"{connected.Count(f => f is null)} of {Watchers} watchers connected; the nodes' account held {held} connections " +
                $"(limit {PostgreSqlConnectionLimitCluster.ConnectionLimit}); {traffic.Acknowledged.Count} returns acknowledged; each watcher heard {heard.Min()}–{heard.Max()}");
            var failed = connected.Where(f => f is not null).ToList();
            Assert.True(failed.Count == 0, $"{failed.Count} of {Watchers} watchers did not connect: {string.Join(" | ", failed.Distinct().Take(5))}");
            var serverErrors = traffic.Exchanges.Where(e => e.Status is { } s && (int)s >= 500).ToList();
            Assert.True(serverErrors.Count == 0, string.Join(Environment.NewLine, serverErrors));
            Assert.NotEmpty(traffic.Acknowledged);
            Assert.True(held <= 3 * 20, $"the nodes held {held} connections");
            Assert.All(heard, count => Assert.True(count > 0, "a watcher heard no return"));
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var watcher in watchers) await watcher.DisposeAsync();
        }
    }
}
