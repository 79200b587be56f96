using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Dashboard.Live;

namespace Scrutiny.Cluster.Tests.Infrastructure;

/// <summary>An anonymous .NET SignalR client on one node's hub, as a watcher connects, and the <c>changed</c> messages it hears.</summary>
public sealed class HubWatcher : IAsyncDisposable
{
    private readonly Channel<ChangeMessage> _heard = Channel.CreateUnbounded<ChangeMessage>();
    private readonly HubConnection _connection;

    private HubWatcher(HubConnection connection)
    {
        _connection = connection;
        connection.On<ChangeMessage>(ScrutinyHub.ChangedMessage, change => _heard.Writer.TryWrite(change));
    }

    public static async Task<HubWatcher> ConnectAsync(NodeProcess node)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Address, ScrutinyHub.Path), options => options.Transports = HttpTransportType.WebSockets)
            .Build();
        var watcher = new HubWatcher(connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return watcher;
    }

    public Task WatchAsync(string group) => _connection.InvokeAsync("Watch", group, TestContext.Current.CancellationToken);

    /// <summary>The first change heard that <paramref name="matches"/>, waiting up to <paramref name="seconds"/>.</summary>
    public async Task<ChangeMessage> HearAsync(Func<ChangeMessage, bool> matches, int seconds = 20)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        var heard = new List<ChangeMessage>();
        try
        {
            while (true)
            {
                var change = await _heard.Reader.ReadAsync(timeout.Token);
                if (matches(change)) return change;
                heard.Add(change);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No such change within {seconds} s (connection {_connection.State}; heard {heard.Count} others: " +
                $"{string.Join(", ", heard.Select(c => $"{c.Kind} {c.Period} {c.Value}"))}).");
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
