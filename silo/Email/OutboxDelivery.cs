using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace Scrutiny.Silo.Email;

/// <summary>
/// One pass of a sender: claim what is due, send each over one SMTP connection, record each outcome at once. A message
/// is recorded as sent straight after the server accepts it (its 250 reply), before the next is sent, so a crash can
/// leave at most the one message in flight accepted but unrecorded, and that one goes again with the same Message-ID.
/// </summary>
public sealed class OutboxDelivery(OutboxStore store, EmailOptions options, TimeProvider time, ILogger<OutboxDelivery> logger)
{
    /// <summary>Sends what is due as <paramref name="claimant"/>; how many messages it claimed (0: nothing was due).</summary>
    public async Task<int> RunOnceAsync(string claimant, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await store.ClaimAsync(claimant, options.BatchSize, now, now.AddSeconds(options.ClaimSeconds), cancellationToken);
        if (claimed.Count == 0) return 0;
        await using var mailer = new SmtpMailer(options);
        var connected = false;
        // A message is started only while its claim outlasts the longest send (a connect and a send), so that no other
        // sender can claim it while this one may still be sending it; the rest are handed back for the next pass.
        var lastStart = now.AddSeconds(options.ClaimSeconds - 2 * options.SmtpTimeoutSeconds);
        for (var i = 0; i < claimed.Count; i++)
        {
            var message = claimed[i];
            if (time.GetUtcNow() > lastStart)
            {
                await store.ReleaseAsync(claimed.Skip(i), claimant, cancellationToken);
                break;
            }
            if (await store.ReasonNotToSendAsync(message, cancellationToken) is { } reason)
            {
                await store.MarkDroppedAsync(message, claimant, reason, time.GetUtcNow(), cancellationToken);
                continue;
            }
            MimeKit.MimeMessage mime;
            try
            {
                mime = SmtpMailer.ToMime(message, options);
            }
            catch (MimeKit.ParseException ex)
            {
                await store.MarkDroppedAsync(message, claimant, $"the address cannot be sent to: {ex.Message}", time.GetUtcNow(), cancellationToken);
                continue;
            }
            try
            {
                if (!connected)
                {
                    await mailer.ConnectAsync(cancellationToken);
                    connected = true;
                }
                await mailer.SendAsync(mime, cancellationToken);
            }
            catch (SmtpCommandException ex) when (IsPermanentRefusal(ex))
            {
                // The server says the address will never take mail (550 and the like): trying again changes nothing.
                logger.LogWarning("Email {Id} was refused for good: {Error}", message.Id, ex.Message);
                await store.MarkDroppedAsync(message, claimant, $"the server refused the address for good ({(int)ex.StatusCode}): {ex.Message}",
                    time.GetUtcNow(), cancellationToken);
                continue;
            }
            catch (Exception ex) when (IsSmtpFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Email {Id} was not sent (try {Attempt}): {Error}", message.Id, message.Attempts, ex.Message);
                await store.RetryLaterAsync(message, claimant, ex.Message, RetryAt(message.Attempts), cancellationToken);
                // A refused recipient leaves the connection usable; anything else, start afresh for the next message.
                if (ex is not SmtpCommandException) connected = false;
                continue;
            }
            // No cancellation token: the server has the message, and the record of it must be written even as the node stops.
            if (!await store.MarkSentAsync(message, claimant, time.GetUtcNow(), CancellationToken.None))
                logger.LogWarning("Email {Id} was sent after its claim had run out: another sender may send it again", message.Id);
        }
        return claimed.Count;
    }

    /// <summary>When a message that failed <paramref name="attempts"/> times is tried again: the wait doubles each time, up to a ceiling.</summary>
    public DateTimeOffset RetryAt(int attempts) =>
        time.GetUtcNow().AddSeconds(Math.Min(options.MaxRetrySeconds, options.RetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));

    private static bool IsPermanentRefusal(SmtpCommandException ex) =>
        ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500;

    private static bool IsSmtpFailure(Exception ex) =>
        ex is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or MailKit.Security.AuthenticationException or System.Security.Authentication.AuthenticationException
            or TimeoutException or OperationCanceledException or ProtocolException or MailKit.Security.SslHandshakeException;
}
