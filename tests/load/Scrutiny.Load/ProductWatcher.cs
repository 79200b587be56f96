using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Dashboard.Live;

namespace Scrutiny.Load;

/// <summary>
/// An anonymous watcher of one place on the product's hub, as a resident's browser is (live.js: <c>Watch("place:{code}")</c>
/// over WebSockets): it notes when it first heard of each place–indicator–period, by this process's clock.
/// </summary>
public sealed class ProductWatcher : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private ProductWatcher(HubConnection connection, string place)
    {
        (_connection, Place) = (connection, place);
        connection.On<ChangeMessage>(ScrutinyHub.ChangedMessage, message =>
        {
            if (message.Kind == "place" && message.Keys.TryGetValue("indicator", out var indicator) && message.Period is { } period)
                Heard.TryAdd(DeadlineKey.Of(Place, indicator, period), Stopwatch.GetTimestamp());
        });
    }

    public string Place { get; }

    /// <summary>When each place–indicator–period was first heard of (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public ConcurrentDictionary<string, long> Heard { get; } = new(StringComparer.Ordinal);

    public static async Task<ProductWatcher> ConnectAsync(Uri product, string place)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(product, ScrutinyHub.Path), options => options.Transports = HttpTransportType.WebSockets)
            .Build();
        var watcher = new ProductWatcher(connection, place);
        await connection.StartAsync();
        await connection.InvokeAsync("Watch", $"place:{place}");
        return watcher;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

/// <summary>How a return and the message about it are matched: its place, indicator and period.</summary>
public static class DeadlineKey
{
    public static string Of(string place, string indicator, string period) => $"{place}|{indicator}|{period}";
}
