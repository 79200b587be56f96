using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Scrutiny.Dashboard.Live;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Nodes;

/// <summary>
/// A bounded load on PostgreSQL: many keyed watchers cost a node a connection per key, not per watcher; and a node that
/// can get no connection (its pool in use, or PostgreSQL refusing more) answers 503 with Retry-After, never 500, without
/// telling pages the store is out.
/// </summary>
public sealed class ConnectionLimitTests
{
    private const int Watchers = 250;
    private const int Keys = 5;

    [Fact]
    public async Task Two_hundred_and_fifty_keyed_watchers_all_connect_to_a_node_whose_database_login_may_hold_eight_connections()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var role = await LimitedRole.CreateAsync(database, connectionLimit: 8);
        // The node's pool (20 by default) is larger than the login's limit: only holding few connections keeps it within.
        await using var app = DashboardApp.StartOn(database, settings: As(role));
        var keys = new List<string> { await TestCatalogue.SeedAsync(app) };
        for (var i = 1; i < Keys; i++) keys.Add(await app.Get<ApiKeyStore>().CreateAsync(TestCatalogue.Agency, isAdmin: false));
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var failures = new ConcurrentBag<string>();
        var connections = new ConcurrentBag<HubConnection>();

        using var gate = new SemaphoreSlim(50);
        await Task.WhenAll(Enumerable.Range(0, Watchers).Select(async i =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                var connection = Watcher(app, keys[i % Keys], statuses);
                connections.Add(connection);
                await connection.StartAsync(TestContext.Current.CancellationToken);
                await connection.InvokeAsync("Watch", $"place:{TestCatalogue.Manchester}", TestContext.Current.CancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or HubException or InvalidOperationException)
            {
                failures.Add(ex.Message);
            }
            finally
            {
                gate.Release();
            }
        }));

        try
        {
            Assert.Empty(failures);
            Assert.Equal(Watchers, connections.Count(c => c.State == HubConnectionState.Connected));
            Assert.DoesNotContain(statuses, s => (int)s >= 500);
            Assert.False(app.Get<StoreStatus>().Unavailable);
            Assert.True(await role.ConnectionsAsync() <= 8);
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_node_whose_pool_is_all_in_use_answers_503_with_Retry_After_on_the_API_and_the_hub_then_serves_again()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        var shortWait = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timeout = 2 };
        await using var app = DashboardApp.StartOn(database, settings: new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StoreOptions.ConnectionStringName}"] = shortWait.ConnectionString,
            [StoreOptions.MaxPoolSizeSetting] = "2",
        });
        var key = await TestCatalogue.SeedAsync(app);

        // Every connection the node's pool may open, held: a request that needs one waits two seconds, then gives up.
        var held = new List<System.Data.Common.DbConnection>();
        for (var i = 0; i < 2; i++) held.Add(await app.Get<Database>().OpenAsync(TestContext.Current.CancellationToken));
        try
        {
            await AssertBusyAsync(app, key);
        }
        finally
        {
            foreach (var connection in held) await connection.DisposeAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await GetPlacesAsync(app, key)).StatusCode);
    }

    [Fact]
    public async Task A_node_that_PostgreSQL_refuses_another_connection_answers_503_with_Retry_After_then_serves_again()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var role = await LimitedRole.CreateAsync(database, connectionLimit: 6);
        await using var app = DashboardApp.StartOn(database, settings: As(role));
        await TestCatalogue.SeedAsync(app);
        // A fresh key for each try: a key checked once is believed from memory, and needs no connection the next time.
        var keys = new Queue<string>();
        for (var i = 0; i < 5; i++) keys.Enqueue(await app.Get<ApiKeyStore>().CreateAsync(TestCatalogue.Agency, isAdmin: false));

        // Someone else takes every connection the login has left, and the node's idle ones are closed: the next request
        // needs a new connection, and PostgreSQL says 53300. A connection the node's background work held meanwhile is
        // closed when it is given back, which frees a slot: then the request is served, and the next try takes that too.
        var others = new List<NpgsqlConnection>();
        var unpooled = new NpgsqlConnectionStringBuilder(role.ConnectionString) { Pooling = false }.ConnectionString;
        string key;
        try
        {
            while (true)
            {
                app.Get<Database>().ClearPool();
                while (true)
                {
                    var other = new NpgsqlConnection(unpooled);
                    try
                    {
                        await other.OpenAsync(TestContext.Current.CancellationToken);
                    }
                    catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.TooManyConnections)
                    {
                        await other.DisposeAsync();
                        break;
                    }
                    others.Add(other);
                }
                app.Get<Database>().ClearPool();
                key = keys.Dequeue();
                if (keys.Count == 0 || await IsRefusedAsync(app, key))
                {
                    await AssertBusyAsync(app, key);
                    break;
                }
            }
        }
        finally
        {
            foreach (var other in others) await other.DisposeAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await GetPlacesAsync(app, key)).StatusCode);
    }

    private static async Task<bool> IsRefusedAsync(DashboardApp app, string key)
    {
        using var api = await GetPlacesAsync(app, key);
        return api.StatusCode == HttpStatusCode.ServiceUnavailable;
    }

    // The key has never been checked on this node, so checking it needs the store.
    private static async Task AssertBusyAsync(DashboardApp app, string key)
    {
        using var api = await GetPlacesAsync(app, key);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(StoreOutage.RetryAfterSeconds), api.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());

        var statuses = new ConcurrentBag<HttpStatusCode>();
        await using var watcher = Watcher(app, key, statuses);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => watcher.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal([HttpStatusCode.ServiceUnavailable], statuses);

        // Busy is not out: pages go on without saying their figures may be out of date.
        Assert.False(app.Get<StoreStatus>().Unavailable);
    }

    private static async Task<HttpResponseMessage> GetPlacesAsync(DashboardApp app, string key)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/places");
        request.Headers.Authorization = new AuthenticationHeaderValue(ScrutinyAuth.ApiKeyScheme, key);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static Dictionary<string, string?> As(LimitedRole role) =>
        new() { [$"ConnectionStrings:{StoreOptions.ConnectionStringName}"] = role.ConnectionString };

    /// <summary>A watcher with an API key over WebSockets, noting the status of each HTTP answer it gets (negotiation).</summary>
    private static HubConnection Watcher(DashboardApp app, string key, ConcurrentBag<HttpStatusCode> statuses) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, ScrutinyHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(key);
                options.HttpMessageHandlerFactory = inner => new Noting(inner, statuses);
            })
            .Build();

    private sealed class Noting(HttpMessageHandler inner, ConcurrentBag<HttpStatusCode> statuses) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            statuses.Add(response.StatusCode);
            return response;
        }
    }
}
