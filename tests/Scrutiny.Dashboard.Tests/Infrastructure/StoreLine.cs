using System.Net;
using System.Net.Sockets;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>
/// A TCP line between the app and its PostgreSQL server, on a loopback port of its own, that a test can cut (every
/// open connection reset, new ones refused) and restore: to the app, exactly a stopped server, while the shared test
/// server goes on serving every other test.
/// </summary>
public sealed class StoreLine : IAsyncDisposable
{
    private readonly IPEndPoint _server;
    private readonly CancellationTokenSource _closed = new();
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    private StoreLine(IPEndPoint server, int port) => (_server, Port) = (server, port);

    /// <summary>The loopback port the app connects to in the server's place.</summary>
    public int Port { get; }

    public static StoreLine Open(string host, int serverPort)
    {
        var address = Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var line = new StoreLine(new IPEndPoint(address, serverPort), port);
        line.Restore();
        return line;
    }

    /// <summary>Resets every connection through the line and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                // RST, as a dead server's host sends; a side that already hung up has no socket left to reset.
                if (client.Client is { } socket) socket.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }
            _open.Clear();
        }
    }

    public void Restore()
    {
        if (_listener is not null) return;
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_closed.IsCancellationRequested)
        {
            TcpClient app;
            try
            {
                app = await listener.AcceptTcpClientAsync(_closed.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return; // cut or closed
            }
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_server);
            }
            catch (SocketException)
            {
                app.Dispose();
                server.Dispose();
                continue;
            }
            lock (_open) _open.AddRange([app, server]);
            _ = PumpAsync(app, server);
            _ = PumpAsync(server, app);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The line was cut, or one side hung up.
        }
        finally
        {
            to.Dispose();
            from.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        Cut();
        await _accepting;
        _closed.Dispose();
    }
}
