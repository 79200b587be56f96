using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email;

/// <summary>A message a sender claimed, with what it needs to send it.</summary>
public sealed record ClaimedMessage(long Id, EmailKind Kind, long? PersonId, string Recipient, string Subject, string TextBody, string HtmlBody,
    IReadOnlyDictionary<string, string> Headers, int Attempts, long? SubscriptionId = null);

/// <summary>A row of the outbox as it stands, for those who look at it (tests, an operator).</summary>
public sealed record OutboxEntry(long Id, string Kind, long? PersonId, string Recipient, string Subject, string DedupeKey, int Attempts,
    string? LastError, DateTimeOffset NotBefore, DateTimeOffset? SentAt, DateTimeOffset? DroppedAt);

/// <summary>
/// The outbox's sending side: claim due messages with a lease, then record each as sent, dropped, or to try again
/// later. Every step after the claim is a compare-and-set on the claimant, so a sender whose lease ran out and was
/// taken over cannot overwrite the new claimant's outcome.
/// </summary>
public sealed class OutboxStore(Database database)
{
    public const string SentAction = "email_sent";
    public const string DroppedAction = "email_dropped";

    /// <summary>
    /// Claims up to <paramref name="batch"/> messages that are due and unclaimed (or whose claim ran out, or whose
    /// claimant is a node instance known dead: restarted, or declared dead by the cluster) for
    /// <paramref name="claimant"/> until <paramref name="until"/>, in one statement: on PostgreSQL rows another sender is
    /// claiming are skipped (<c>FOR UPDATE SKIP LOCKED</c>); SQLite lets one writer at a time.
    /// </summary>
    public Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(string claimant, int batch, DateTimeOffset now, DateTimeOffset until,
        CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var skipLocked = database.Engine == StoreEngine.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
            var rows = await connection.QueryAsync<ClaimRow>(new CommandDefinition(
                $"""
                UPDATE outbox_messages SET claimed_by = @claimant, claimed_until = @until, attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE sent_at IS NULL AND dropped_at IS NULL AND not_before <= @now
                      AND (claimed_until IS NULL OR claimed_until < @now
                           OR claimed_by IN (SELECT instance_id FROM node_instances WHERE superseded_by IS NOT NULL))
                    ORDER BY id LIMIT @batch {skipLocked})
                RETURNING id AS Id, kind AS Kind, person_id AS PersonId, recipient AS Recipient, subject AS Subject, text_body AS TextBody,
                    html_body AS HtmlBody, headers AS Headers, attempts AS Attempts, subscription_id AS SubscriptionId
                """,
                new { claimant, batch, now = At(now), until = At(until) }, transaction, cancellationToken: cancellationToken));
            return (IReadOnlyList<ClaimedMessage>)[.. rows.OrderBy(r => r.Id).Select(r => new ClaimedMessage(r.Id, CatalogueNames.Parse<EmailKind>(r.Kind),
                r.PersonId, r.Recipient, r.Subject, r.TextBody, r.HtmlBody,
                System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(r.Headers) ?? [], r.Attempts, r.SubscriptionId))];
        }, cancellationToken);

    /// <summary>
    /// Why <paramref name="message"/> should not go, if it should not: its person turned its kind off, or was disabled,
    /// since it was written; a resident's subscription ended (or, for its confirmation, was confirmed already). Null: send it.
    /// </summary>
    public async Task<string?> ReasonNotToSendAsync(ClaimedMessage message, CancellationToken cancellationToken = default)
    {
        if (message.SubscriptionId is { } subscriptionId)
        {
            await using var store = await database.OpenAsync(cancellationToken);
            var subscription = await store.QuerySingleOrDefaultAsync<(long Id, object? ConfirmedAt)?>(new CommandDefinition(
                "SELECT id, confirmed_at FROM place_subscriptions WHERE id = @subscriptionId", new { subscriptionId }, cancellationToken: cancellationToken));
            if (subscription is null) return "the resident ended the subscription";
            return message.Kind == EmailKind.SubscriptionConfirmation && subscription.Value.ConfirmedAt is not null
                ? "the subscription was confirmed already" : null;
        }
        if (message.PersonId is not { } personId) return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        var person = await connection.QuerySingleOrDefaultAsync<(long Id, object? DisabledAt)?>(new CommandDefinition(
            "SELECT id, disabled_at FROM people WHERE id = @personId", new { personId }, cancellationToken: cancellationToken));
        if (person is null || person.Value.DisabledAt is not null) return "the person's account is disabled";
        var wanted = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT wanted FROM email_preferences WHERE person_id = @personId AND kind = @kind",
            new { personId, kind = CatalogueNames.Name(message.Kind) }, cancellationToken: cancellationToken));
        return wanted == 0 ? "the person chose not to get this kind of email" : null;
    }

    /// <summary>Records the server's acceptance; false if the claim had passed to another sender meanwhile.</summary>
    public Task<bool> MarkSentAsync(ClaimedMessage message, string claimant, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE outbox_messages SET sent_at = @at, claimed_until = NULL, last_error = NULL WHERE id = @Id AND claimed_by = @claimant AND sent_at IS NULL",
                    new { at = At(at), message.Id, claimant }, transaction, cancellationToken: cancellationToken)) == 0) return false;
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, AuditActor, SentAction, Subject(message),
                AuditLog.Detail(new { id = message.Id, kind = CatalogueNames.Name(message.Kind), attempts = message.Attempts })), database.Engine, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> MarkDroppedAsync(ClaimedMessage message, string claimant, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE outbox_messages SET dropped_at = @at, claimed_until = NULL, last_error = @reason WHERE id = @Id AND claimed_by = @claimant AND sent_at IS NULL",
                    new { at = At(at), message.Id, claimant, reason }, transaction, cancellationToken: cancellationToken)) == 0) return false;
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, AuditActor, DroppedAction, Subject(message),
                AuditLog.Detail(new { id = message.Id, kind = CatalogueNames.Name(message.Kind), reason })), database.Engine, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Gives the claim back, to be tried again from <paramref name="retryAt"/>, with what went wrong.</summary>
    public async Task RetryLaterAsync(ClaimedMessage message, string claimant, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox_messages SET not_before = @retryAt, last_error = @error, claimed_by = NULL, claimed_until = NULL
            WHERE id = @Id AND claimed_by = @claimant AND sent_at IS NULL
            """,
            new { retryAt = At(retryAt), error = error.Length > 500 ? error[..500] : error, message.Id, claimant }, cancellationToken: cancellationToken));
    }

    /// <summary>Hands back claims not started, to be claimed again at once (by this sender or another).</summary>
    public async Task ReleaseAsync(IEnumerable<ClaimedMessage> messages, string claimant, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var message in messages)
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE outbox_messages SET claimed_by = NULL, claimed_until = NULL WHERE id = @Id AND claimed_by = @claimant AND sent_at IS NULL",
                new { message.Id, claimant }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            """
            SELECT id AS Id, kind AS Kind, person_id AS PersonId, recipient AS Recipient, subject AS Subject, dedupe_key AS DedupeKey, attempts AS Attempts,
                last_error AS LastError, not_before AS NotBefore, sent_at AS SentAt, dropped_at AS DroppedAt
            FROM outbox_messages ORDER BY id
            """, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new OutboxEntry(r.Id, r.Kind, r.PersonId, r.Recipient, r.Subject, r.DedupeKey, r.Attempts, r.LastError,
            SqlDialect.ReadTimestamp(r.NotBefore), r.SentAt is null ? null : SqlDialect.ReadTimestamp(r.SentAt),
            r.DroppedAt is null ? null : SqlDialect.ReadTimestamp(r.DroppedAt)))];
    }

    /// <summary>The sender acts for the system, whoever's write caused the message.</summary>
    public const string AuditActor = "system";

    private static string Subject(ClaimedMessage message) => message.PersonId is { } id ? PeopleStore.Subject(id)
        : message.SubscriptionId is { } subscription ? Subscriptions.PlaceSubscriptions.Subject(subscription) : $"email:{message.Id}";

    private object At(DateTimeOffset at) => SqlDialect.Timestamp(at, database.Engine);

    private sealed class ClaimRow
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public long? PersonId { get; init; }
        public string Recipient { get; init; } = "";
        public string Subject { get; init; } = "";
        public string TextBody { get; init; } = "";
        public string HtmlBody { get; init; } = "";
        public string Headers { get; init; } = "{}";
        public int Attempts { get; init; }
        public long? SubscriptionId { get; init; }
    }

    private sealed class EntryRow
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public long? PersonId { get; init; }
        public string Recipient { get; init; } = "";
        public string Subject { get; init; } = "";
        public string DedupeKey { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public object NotBefore { get; init; } = "";
        public object? SentAt { get; init; }
        public object? DroppedAt { get; init; }
    }
}
