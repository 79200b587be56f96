using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Committees;

/// <summary>A notification as the inbox shows it.</summary>
public sealed record InboxNotification(long Id, Recipient Recipient, string Subject, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>
/// The inbox's notifications. A notification to an agency, board or committee is shared by everyone who speaks for it,
/// so reading it marks it read for them all. Sending and reading are audited, as every write is. Each notification also
/// writes an email to every person who speaks for its recipient to the outbox, in the same transaction.
/// </summary>
public sealed class InboxStore(Database database, Email.NotificationEmails emails)
{
    /// <summary>How many notifications the inbox shows, newest first.</summary>
    public const int Shown = 50;

    public Task<long> AddAsync(Notification notification, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync((connection, transaction) => AddInAsync(connection, transaction, notification, at, cancellationToken), cancellationToken);

    /// <summary>Writes the notification, its audit row and its emails in the caller's transaction.</summary>
    public async Task<long> AddInAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Notification notification,
        DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var kind = CatalogueNames.Name(notification.Recipient.Kind);
        var id = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO inbox_notifications (recipient_kind, recipient, subject, link, created_at) VALUES (@kind, @Code, @Subject, @Link, @at)
            RETURNING id
            """,
            new { kind, notification.Recipient.Code, notification.Subject, notification.Link, at = SqlDialect.Timestamp(at, database.Engine) },
            transaction);
        await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, AuditActor, CommitteeActions.NotificationSent, Subject(notification.Recipient),
            AuditLog.Detail(new { id, notification.Subject, notification.Link })), database.Engine, cancellationToken);
        // The emails commit with the inbox row or not at all (docs/email.md).
        await emails.WriteAsync(connection, transaction, database.Engine, id, notification, at, cancellationToken);
        return id;
    }

    public async Task<IReadOnlyList<InboxNotification>> ListAsync(IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default)
    {
        if (recipients.Count == 0) return [];
        var (where, args) = Where(recipients);
        args.Add("shown", Shown);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT id AS Id, recipient_kind AS Kind, recipient AS Code, subject AS Subject, link AS Link, created_at AS CreatedAt, read_at AS ReadAt
            FROM inbox_notifications WHERE {where} ORDER BY id DESC LIMIT @shown
            """, args, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new InboxNotification(r.Id, new Recipient(CatalogueNames.Parse<RecipientKind>(r.Kind), r.Code), r.Subject, r.Link,
            SqlDialect.ReadTimestamp(r.CreatedAt), r.ReadAt is null ? null : SqlDialect.ReadTimestamp(r.ReadAt)))];
    }

    /// <summary>Marks a notification read, if it is addressed to one of <paramref name="recipients"/>; false when it is not theirs.</summary>
    public Task<bool> MarkReadAsync(long id, IReadOnlyList<Recipient> recipients, string actor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (recipients.Count == 0) return Task.FromResult(false);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var (where, args) = Where(recipients);
            args.Add("id", id);
            var kind = await connection.QuerySingleOrDefaultAsync<(string Kind, string Code)?>(
                $"SELECT recipient_kind, recipient FROM inbox_notifications WHERE id = @id AND {where}", args, transaction);
            if (kind is not { } recipient) return false;
            var changed = await connection.ExecuteAsync("UPDATE inbox_notifications SET read_at = @at WHERE id = @id AND read_at IS NULL",
                new { id, at = SqlDialect.Timestamp(at, database.Engine) }, transaction);
            if (changed > 0)
                await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, CommitteeActions.NotificationRead,
                    $"{recipient.Kind}:{recipient.Code}", AuditLog.Detail(new { id })), database.Engine, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>The notification seam sends on the system's behalf, whoever's write set it off.</summary>
    public const string AuditActor = "system";

    private static string Subject(Recipient recipient) => $"{CatalogueNames.Name(recipient.Kind)}:{recipient.Code}";

    private static (string Where, DynamicParameters Args) Where(IReadOnlyList<Recipient> recipients)
    {
        var args = new DynamicParameters();
        var where = "(" + string.Join(" OR ", recipients.Select((r, i) =>
        {
            args.Add($"kind{i}", CatalogueNames.Name(r.Kind));
            args.Add($"code{i}", r.Code);
            return $"(recipient_kind = @kind{i} AND recipient = @code{i})";
        })) + ")";
        return (where, args);
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Code { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Link { get; init; } = "";
        public object CreatedAt { get; init; } = "";
        public object? ReadAt { get; init; }
    }
}
