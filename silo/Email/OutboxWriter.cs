using System.Data.Common;
using System.Text.Json;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Committees;
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
            INSERT INTO outbox_messages (kind, person_id, subscription_id, recipient, subject, text_body, html_body, headers, dedupe_key, created_at, not_before)
            VALUES (@kind, @PersonId, @SubscriptionId, @Recipient, @Subject, @TextBody, @HtmlBody, @headers, @DedupeKey, @at, @at)
            ON CONFLICT (dedupe_key) DO NOTHING
            """,
            new
            {
                kind = CatalogueNames.Name(message.Kind), message.PersonId, message.SubscriptionId, message.Recipient, message.Subject, message.TextBody, message.HtmlBody,
                headers = JsonSerializer.Serialize(message.Headers), message.DedupeKey, at = SqlDialect.Timestamp(at, engine),
            }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>
    /// Writes one email to each person who speaks for <paramref name="recipient"/>, in the caller's transaction: both
    /// bodies from the same words, the footer saying why they get it (<paramref name="because"/>) and where to choose,
    /// the choice headers, and a dedupe key per person (<c>{dedupeKey}:person:{id}</c>). How many it wrote.
    /// </summary>
    public static Task<int> AddForEachAsync(DbConnection connection, DbTransaction transaction, StoreEngine engine, EmailOptions options,
        Recipient recipient, EmailKind kind, string subject, IReadOnlyList<string> paragraphs, string linkText, string linkPath, string because,
        string dedupeKey, DateTimeOffset at, CancellationToken cancellationToken, IReadOnlyList<string>? list = null) =>
        AddForEachAsync(connection, transaction, engine, options, recipient, kind, subject,
            [EmailSection.Single(paragraphs, list, new EmailLink(linkText, options.Link(linkPath)))],
            because, dedupeKey, at, cancellationToken);

    /// <summary>As above, for a body of several parts (<see cref="EmailBody.Compose"/>), whose links are full addresses.</summary>
    public static async Task<int> AddForEachAsync(DbConnection connection, DbTransaction transaction, StoreEngine engine, EmailOptions options,
        Recipient recipient, EmailKind kind, string subject, IReadOnlyList<EmailSection> sections, string because,
        string dedupeKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var person in await EmailRecipient.ForAsync(connection, transaction, recipient, cancellationToken))
        {
            var (text, html) = EmailBody.Compose(subject, person.Name, sections,
                $"You are getting this email because {because}. To choose which emails you get, go to {options.Link(NotificationEmails.AccountEmailPath)}.");
            var message = new OutboxMessage(kind, person.PersonId, person.Email, subject, text, html,
                NotificationEmails.ChoiceHeaders(options), $"{dedupeKey}:person:{person.PersonId}");
            if (await AddAsync(connection, transaction, message, at, engine, cancellationToken)) written++;
        }
        return written;
    }
}
