using System.Data.Common;
using System.Text.Json;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email;

/// <summary>The one way a row reaches <c>outbox_messages</c>: inside the transaction of its cause, as an audit row is.</summary>
public static class OutboxWriter
{
    /// <summary>Writes the message unless one with its dedupe key is there already; true when this call wrote it.</summary>
    public static async Task<bool> AddAsync(DbConnection connection, DbTransaction transaction, OutboxMessage message, DateTimeOffset at,
        StoreEngine engine, CancellationToken cancellationToken = default) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outbox_messages (kind, person_id, recipient, subject, text_body, html_body, headers, dedupe_key, created_at, not_before)
            VALUES (@kind, @PersonId, @Recipient, @Subject, @TextBody, @HtmlBody, @headers, @DedupeKey, @at, @at)
            ON CONFLICT (dedupe_key) DO NOTHING
            """,
            new
            {
                kind = CatalogueNames.Name(message.Kind), message.PersonId, message.Recipient, message.Subject, message.TextBody, message.HtmlBody,
                headers = JsonSerializer.Serialize(message.Headers), message.DedupeKey, at = SqlDialect.Timestamp(at, engine),
            }, transaction, cancellationToken: cancellationToken)) == 1;
}
