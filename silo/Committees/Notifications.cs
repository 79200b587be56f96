using System.Data.Common;

namespace Scrutiny.Silo.Committees;

public enum RecipientKind { Agency, Board, Committee, Person }

/// <summary>Who a notification is for: an agency's people and keys, a board's, a committee's members, or one person (by id).</summary>
public sealed record Recipient(RecipientKind Kind, string Code)
{
    public static Recipient Of(Addressee addressee) =>
        new(addressee.Kind == AddresseeKind.Agency ? RecipientKind.Agency : RecipientKind.Board, addressee.Code);
}

/// <summary>Something someone should know: a short subject, and the page that has the rest.</summary>
public sealed record Notification(Recipient Recipient, string Subject, string Link);

/// <summary>
/// The seam for telling people what is asked of them. The one implementation writes to the inbox
/// (<see cref="InboxNotificationSink"/>), and the inbox's write puts an email for each person concerned in the outbox
/// in the same transaction (<see cref="Email.NotificationEmails"/>).
/// </summary>
public interface INotificationSink
{
    /// <summary>Notifies in a transaction of its own, after the write that caused it has committed.</summary>
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default);

    /// <summary>Notifies in the caller's transaction: the notification and its emails commit with their cause, or not at all.</summary>
    Task NotifyAsync(DbConnection connection, DbTransaction transaction, Notification notification, CancellationToken cancellationToken = default);
}

public static class NotificationSinkExtensions
{
    /// <summary>The notification as a write for a store to make in its own transaction, beside the write that causes it.</summary>
    public static Func<DbConnection, DbTransaction, Task> Within(this INotificationSink sink, Notification notification, CancellationToken cancellationToken) =>
        (connection, transaction) => sink.NotifyAsync(connection, transaction, notification, cancellationToken);
}
