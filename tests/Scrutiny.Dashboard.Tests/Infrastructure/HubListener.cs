using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Dashboard.Live;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real SignalR client on the dashboard's hub, as a watcher would connect: over one transport, with an API key (as
/// <c>accessTokenFactory</c> sends it), a person's session cookie, or neither; and every <c>changed</c> message it hears.
/// </summary>
public sealed class HubListener : IAsyncDisposable
{
    private readonly Channel<ChangeMessage> _pending = Channel.CreateUnbounded<ChangeMessage>();

    private HubListener(HubConnection connection)
    {
        Connection = connection;
        connection.On<ChangeMessage>(ScrutinyHub.ChangedMessage, change =>
        {
            Received.Enqueue(change);
            _pending.Writer.TryWrite(change);
        });
        connection.Closed += error =>
        {
            ClosedWith = error;
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Every change heard, in order (one connection's messages keep the order they were sent in).</summary>
    public ConcurrentQueue<ChangeMessage> Received { get; } = new();

    /// <summary>Why the server closed the connection, if it did.</summary>
    public Exception? ClosedWith { get; private set; }

    public static async Task<HubListener> ConnectAsync(DashboardApp app, HttpTransportType transport = HttpTransportType.WebSockets,
        string? apiKey = null, string? cookie = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, ScrutinyHub.Path), options =>
            {
                // This transport alone: a failure must not be hidden by the client falling back to another.
                options.Transports = transport;
                if (apiKey is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
                // By hand, as FormClient keeps it: the session cookie is Secure, which no CookieContainer sends over http.
                if (cookie is not null) options.Headers["Cookie"] = cookie;
            })
            .Build();
        var listener = new HubListener(connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return listener;
    }

    public Task WatchAsync(string group) => Connection.InvokeAsync("Watch", group, TestContext.Current.CancellationToken);

    public Task UnwatchAsync(string group) => Connection.InvokeAsync("Unwatch", group, TestContext.Current.CancellationToken);

    /// <summary>The next change not yet taken, waiting up to ten seconds for it.</summary>
    public async Task<ChangeMessage> NextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            return await _pending.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No change arrived (connection {Connection.State}{(ClosedWith is null ? "" : $", closed: {ClosedWith.Message}")}).");
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
