using System.Data.Common;

namespace Scrutiny.Silo.Committees;

/// <summary>Delivers a notification to the recipients' inbox (<c>inbox_notifications</c>).</summary>
public sealed class InboxNotificationSink(InboxStore inbox, TimeProvider time) : INotificationSink
{
    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default) =>
        inbox.AddAsync(notification, time.GetUtcNow(), cancellationToken);

    public Task NotifyAsync(DbConnection connection, DbTransaction transaction, Notification notification, CancellationToken cancellationToken = default) =>
        inbox.AddInAsync(connection, transaction, notification, time.GetUtcNow(), cancellationToken);
}
