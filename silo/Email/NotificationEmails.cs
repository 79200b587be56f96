using System.Data.Common;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email;

/// <summary>
/// Turns an inbox notification into one email for each person who speaks for its recipient, written in the
/// notification's own transaction (<see cref="InboxStore.AddAsync"/>): the inbox row and its emails commit together.
/// </summary>
public sealed class NotificationEmails(EmailOptions options)
{
    public async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, StoreEngine engine, long notificationId,
        Notification notification, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var written = 0;
        var subject = EmailBody.OneLine(notification.Subject);
        foreach (var person in await EmailRecipient.ForAsync(connection, transaction, notification.Recipient, cancellationToken))
        {
            var (text, html) = EmailBody.Compose(subject, person.Name,
                [$"{Audience(notification.Recipient)} has a new notification in Scrutiny."],
                "See the details and what to do next", options.Link(notification.Link),
                $"You are getting this email because you have a Scrutiny account. To choose which emails you get, go to {options.Link(AccountEmailPath)}.");
            var message = new OutboxMessage(EmailKind.Notification, person.PersonId, person.Email, subject, text, html,
                ChoiceHeaders(options), $"notification:{notificationId}:person:{person.PersonId}");
            if (await OutboxWriter.AddAsync(connection, transaction, message, at, engine, cancellationToken)) written++;
        }
        return written;
    }

    /// <summary>
    /// Headers every email carries: <c>List-Unsubscribe</c> names the page where the person turns each kind off (a page
    /// behind sign-in, so a mail client offers it as a link; not the one-click kind, which needs no sign-in).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ChoiceHeaders(EmailOptions options) =>
        new Dictionary<string, string> { ["List-Unsubscribe"] = $"<{options.Link(AccountEmailPath)}>" };

    /// <summary>Where a person chooses which emails they get.</summary>
    public const string AccountEmailPath = "/account/email";

    private static string Audience(Recipient recipient) => recipient.Kind switch
    {
        RecipientKind.Agency => $"Your agency ({recipient.Code})",
        RecipientKind.Board => "Your partnership board",
        RecipientKind.Committee => "Your scrutiny committee",
        _ => "Your account",
    };
}
