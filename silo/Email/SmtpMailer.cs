using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Scrutiny.Silo.Email;

/// <summary>One connection to the configured SMTP server (MailKit), for a batch of messages.</summary>
public sealed class SmtpMailer(EmailOptions options) : IAsyncDisposable
{
    private readonly SmtpClient _client = new() { Timeout = options.SmtpTimeoutSeconds * 1000 };

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await _client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("No SMTP host is configured."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User)) await _client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
    }

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => _client.SendAsync(message, cancellationToken);

    /// <summary>
    /// The message as it goes out. Its Message-ID is made from the outbox row's id, the same on every try, so that a
    /// message sent twice (the one window the outbox cannot close: a crash between the server's acceptance and our
    /// record of it) is one message to anything that deduplicates on Message-ID.
    /// </summary>
    public static MimeMessage ToMime(ClaimedMessage message, EmailOptions options)
    {
        var from = MailboxAddress.Parse(options.Smtp.From);
        var mime = new MimeMessage { Subject = message.Subject, MessageId = MessageId(message.Id, from.Domain) };
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        foreach (var (name, value) in message.Headers) mime.Headers.Add(name, value);
        // Automated mail: out-of-office replies and the like should not answer it (RFC 3834).
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    public static string MessageId(long id, string domain) => $"outbox-{id}@{(string.IsNullOrEmpty(domain) ? "scrutiny.invalid" : domain)}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: true);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The messages are recorded already; a server that drops the line at QUIT changes nothing.
        }
        _client.Dispose();
    }
}
