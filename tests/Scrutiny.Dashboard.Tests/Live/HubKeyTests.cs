using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Scrutiny.Dashboard.Live;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.Tests.Live;

/// <summary>
/// The hub takes a key as SignalR clients send one (accessTokenFactory: Bearer, or access_token on a WebSocket), stays
/// open to anonymous watchers, and refuses a key that is presented and bad; keys in URLs stay out of the logs.
/// </summary>
public sealed class HubKeyTests
{
    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task A_client_with_a_key_from_accessTokenFactory_connects_and_watches(HttpTransportType transport)
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await TestCatalogue.SeedAsync(app);

        await using var connection = Connect(app, transport, () => key);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await connection.InvokeAsync("Watch", $"place:{TestCatalogue.Manchester}", TestContext.Current.CancellationToken);

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task An_anonymous_watcher_still_connects()
    {
        await using var app = await DashboardApp.StartAsync();

        await using var connection = Connect(app, HttpTransportType.WebSockets, null);
        await connection.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("unknown")]
    public async Task A_bad_key_is_refused_with_401_by_header_and_by_access_token(string kind)
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await BadKeyAsync(app, kind);

        await using var connection = Connect(app, HttpTransportType.WebSockets, () => key);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // As a browser sends it: the negotiation and the WebSocket both carry the key in the query string.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var negotiate = await http.PostAsync($"{ScrutinyHub.Path}/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(key)}", null,
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        using var socket = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(WebSocketAddress(app, key), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_good_key_in_the_query_string_is_accepted_on_the_hub_only_and_never_logged()
    {
        var logs = new CapturingLogs();
        await using var app = await DashboardApp.StartLoggingAsync(logs);
        var key = await TestCatalogue.SeedAsync(app);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var negotiate = await http.PostAsync($"{ScrutinyHub.Path}/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(key)}", null,
            TestContext.Current.CancellationToken);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(WebSocketAddress(app, key), TestContext.Current.CancellationToken);
        // Anywhere but the hub, a key in the address is not a key: a keyed read stays closed.
        var api = await http.GetAsync($"/api/v1/inbox?access_token={Uri.EscapeDataString(key)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(key.Split('_', 3)[2], StringComparison.Ordinal));
    }

    private static HubConnection Connect(DashboardApp app, HttpTransportType transport, Func<string>? key) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, ScrutinyHub.Path), options =>
            {
                options.Transports = transport;
                if (key is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(key());
            })
            .Build();

    private static Uri WebSocketAddress(DashboardApp app, string key) =>
        new($"ws://{app.BaseAddress.Authority}{ScrutinyHub.Path}?access_token={Uri.EscapeDataString(key)}");

    private static async Task<string> BadKeyAsync(DashboardApp app, string kind)
    {
        var keys = app.Get<ApiKeyStore>();
        switch (kind)
        {
            case "revoked":
                var revoked = await keys.CreateAsync(new NewApiKey(null, true), "test");
                await keys.RevokeAsync(revoked.Id, "test");
                return revoked.Key;
            case "expired":
                var expiring = await keys.CreateAsync(new NewApiKey(null, true, ExpiresAt: DateTimeOffset.UtcNow.AddSeconds(1)), "test");
                await Task.Delay(TimeSpan.FromSeconds(1.2));
                return expiring.Key;
            default:
                return "scr_000000000000_not-a-key-at-all";
        }
    }
}
