using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Scrutiny.Silo.Cluster;
using Scrutiny.Silo.Email;

namespace Scrutiny.Silo.Tests.Email;

/// <summary>
/// A real SMTP server (the SmtpServer library) on 127.0.0.1 in this process, keeping every message it accepts as
/// MimeKit parses it. <see cref="StartAsync"/> on a port chosen before, to stand for a server that comes back.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private TestSmtpServer(int port, TimeSpan delay)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Keeper(Received, delay));
        services.Add(new RefuseSome());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public static Task<TestSmtpServer> StartAsync() => StartAsync(FreePorts.Next());

    /// <param name="delay">How long the server takes over each message before it accepts it, to widen the moment a kill can land in.</param>
    public static async Task<TestSmtpServer> StartAsync(int port, TimeSpan delay = default)
    {
        var server = new TestSmtpServer(port, delay);
        // Listening once a client can connect.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return server;
            }
            catch (System.Net.Sockets.SocketException) { await Task.Delay(20); }
        }
        throw new InvalidOperationException($"The test SMTP server did not listen on {port}.");
    }

    /// <summary>Options that send here, as a node's configuration would give them.</summary>
    public static EmailOptions OptionsFor(int port, int batchSize = 20) => new EmailOptions
    {
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, UseTls = false, From = "Scrutiny <scrutiny@example.gov.uk>" },
        SiteAddress = "https://scrutiny.example.gov.uk",
        BatchSize = batchSize,
        SmtpTimeoutSeconds = 10,
        ClaimSeconds = 300,
    }.Checked();

    public EmailOptions Options(int batchSize = 20) => OptionsFor(Port, batchSize);

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    /// <summary>Refuses, for good (550), any address whose mailbox starts with "refused": a mailbox that does not exist.</summary>
    public const string RefusedPrefix = "refused";

    private sealed class RefuseSome : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith(RefusedPrefix, StringComparison.Ordinal));
    }

    private sealed class Keeper(ConcurrentQueue<MimeMessage> received, TimeSpan delay) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken);
            // Kept as the server replies 250: from here the message is the server's, whether or not the sender hears the reply.
            received.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
