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
    public Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, StoreEngine engine, long notificationId,
        Notification notification, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        OutboxWriter.AddForEachAsync(connection, transaction, engine, options, notification.Recipient, EmailKind.Notification,
            EmailBody.OneLine(notification.Subject), [$"{Audience(notification.Recipient)} has a new notification in Scrutiny."],
            "See the details and what to do next", notification.Link, "you have a Scrutiny account",
            $"notification:{notificationId}", at, cancellationToken);

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
