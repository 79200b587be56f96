using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email.Subscriptions;

/// <summary>A subscription a link leads to: which, for which place, and whether it is confirmed.</summary>
public sealed record SubscriptionLink(long SubscriptionId, string PlaceCode, bool Confirmed);

/// <summary>
/// Residents' subscriptions to a place's new figures (migration 0018): asked for with an address on the place's page,
/// confirmed through a link sent to it (double opt-in), ended through the link in any update email. Each step writes
/// its email (in the outbox) and its audit row in one transaction. The audit names the subscription, never the
/// address, and the actor "resident". Nothing tells the asker whether an address was subscribed already.
/// </summary>
public sealed class PlaceSubscriptions(Database database, ICatalogueReader catalogue, EmailOptions options, TimeProvider time)
{
    public const string RequestedAction = "subscription_requested";
    public const string ConfirmedAction = "subscription_confirmed";
    public const string EndedAction = "subscription_ended";
    public const string ExpiredAction = "subscription_expired";

    /// <summary>How long a link to confirm works, and how long an unconfirmed address is kept.</summary>
    public const int ConfirmDays = 7;

    /// <summary>
    /// Confirmation emails one address gets in a day, whatever the places: enough for a person subscribing to a few,
    /// too few for anyone to flood an address with them.
    /// </summary>
    public const int ConfirmationsPerAddressPerDay = 5;

    public const string ConfirmPurpose = "confirm";
    public const string UnsubscribePurpose = "unsubscribe";

    public static string Subject(long subscriptionId) => $"subscription:{subscriptionId}";

    /// <summary>
    /// Asks for <paramref name="email"/> to get <paramref name="placeCode"/>'s new figures: problems by field, or none
    /// when the request was taken. Taken means: the address is sent a link to confirm, unless it is subscribed already,
    /// was sent one today, or has had <see cref="ConfirmationsPerAddressPerDay"/> today; the asker is told the same either way.
    /// </summary>
    public async Task<IReadOnlyList<FieldProblem>> RequestAsync(string placeCode, string? email, CancellationToken cancellationToken = default)
    {
        if (Check(email) is { Count: > 0 } problems) return problems;
        var address = email!.Trim();
        if (await catalogue.FindPlaceAsync(placeCode, cancellationToken) is not { } place)
            return [new FieldProblem("place", "unknown_place", $"No place has the code {placeCode}.")];
        var key = PersonEmail.Normalise(address);
        var now = time.GetUtcNow();
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            // Inserted, or else the row already there, even one another request for the same address is committing at
            // this moment (PostgreSQL waits for it): never a unique-key error.
            var created = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                INSERT INTO place_subscriptions (place_code, email, email_key, created_at) VALUES (@placeCode, @email, @key, @at)
                ON CONFLICT (place_code, email_key) DO NOTHING RETURNING id
                """, new { placeCode, email = address, key, at = At(now) }, transaction, cancellationToken: cancellationToken));
            long id;
            if (created is { } newId)
            {
                await AuditAsync(connection, transaction, now, RequestedAction, newId, new { place = placeCode });
                id = newId;
            }
            else
            {
                var existing = await connection.QuerySingleAsync<(long Id, object? ConfirmedAt)>(new CommandDefinition(
                    "SELECT id, confirmed_at FROM place_subscriptions WHERE place_code = @placeCode AND email_key = @key",
                    new { placeCode, key }, transaction, cancellationToken: cancellationToken));
                if (existing.ConfirmedAt is not null) return 0;
                id = existing.Id;
            }
            var today = time.Today();
            var sentToday = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM outbox_messages WHERE kind = @kind AND LOWER(recipient) = @key AND created_at >= @midnight",
                new { kind = CatalogueNames.Name(EmailKind.SubscriptionConfirmation), key, midnight = At(ReturnStatusRules.StartOf(today)) },
                transaction, cancellationToken: cancellationToken));
            if (sentToday >= ConfirmationsPerAddressPerDay) return 0;
            var token = SubscriptionTokens.New();
            // The token is kept only if its email is written: a second request the same day writes neither.
            if (await OutboxWriter.AddAsync(connection, transaction, SubscriptionEmails.Confirmation(options, id, address, place, token, today), now,
                    database.Engine, cancellationToken))
                await AddTokenAsync(connection, transaction, database.Engine, token, id, ConfirmPurpose, now, now.AddDays(ConfirmDays), cancellationToken);
            return 1;
        }, cancellationToken);
        return [];
    }

    /// <summary>The address's problems, by field (<c>email</c>): none for an address an email can go to.</summary>
    public static IReadOnlyList<FieldProblem> Check(string? email)
    {
        var problems = new FieldProblems();
        var address = problems.Text(email, "email", PersonEmail.MaxLength);
        if (address is not null && !PersonEmail.IsValid(address)) problems.Add("email", "invalid_email", "email must be an email address, such as name@example.com.");
        return problems.List;
    }

    /// <summary>The subscription a link's token leads to, while the token works; null for any other token.</summary>
    public async Task<SubscriptionLink?> FindAsync(string? token, string purpose, CancellationToken cancellationToken = default)
    {
        if (!SubscriptionTokens.IsWellFormed(token)) return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, token!, purpose, cancellationToken);
    }

    /// <summary>Confirms the subscription the token leads to; its place, or null when the token does not work (used, expired, unknown).</summary>
    public async Task<SubscriptionLink?> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!SubscriptionTokens.IsWellFormed(token)) return null;
        var now = time.GetUtcNow();
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await FindAsync(connection, transaction, token!, ConfirmPurpose, cancellationToken) is not { } link) return null;
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE place_subscriptions SET confirmed_at = @at WHERE id = @id AND confirmed_at IS NULL",
                new { at = At(now), id = link.SubscriptionId }, transaction, cancellationToken: cancellationToken));
            // Every link to confirm it stops working: it is done.
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM subscription_tokens WHERE subscription_id = @id AND purpose = @purpose",
                new { id = link.SubscriptionId, purpose = ConfirmPurpose }, transaction, cancellationToken: cancellationToken));
            await AuditAsync(connection, transaction, now, ConfirmedAction, link.SubscriptionId, new { place = link.PlaceCode });
            return link with { Confirmed = true };
        }, cancellationToken);
    }

    /// <summary>
    /// Ends the subscription an update email's token leads to, deleting the address and every link; null when the
    /// token leads nowhere (ended already). <paramref name="how"/> is audited: <c>one_click</c> or <c>page</c>.
    /// </summary>
    public async Task<SubscriptionLink?> EndAsync(string? token, string how, CancellationToken cancellationToken = default)
    {
        if (!SubscriptionTokens.IsWellFormed(token)) return null;
        var now = time.GetUtcNow();
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await FindAsync(connection, transaction, token!, UnsubscribePurpose, cancellationToken) is not { } link) return null;
            await DeleteAsync(connection, transaction, link.SubscriptionId, cancellationToken);
            await AuditAsync(connection, transaction, now, EndedAction, link.SubscriptionId, new { place = link.PlaceCode, how });
            return link;
        }, cancellationToken);
    }

    /// <summary>Deletes the subscriptions no one confirmed whose links have all expired; how many.</summary>
    public Task<int> DeleteUnconfirmedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var stale = (await connection.QueryAsync<(long Id, string Place)>(new CommandDefinition(
                """
                SELECT s.id, s.place_code FROM place_subscriptions s
                WHERE s.confirmed_at IS NULL AND s.created_at < @cutoff
                  AND NOT EXISTS (SELECT 1 FROM subscription_tokens t WHERE t.subscription_id = s.id AND t.expires_at > @now)
                """, new { cutoff = At(now.AddDays(-ConfirmDays)), now = At(now) }, transaction, cancellationToken: cancellationToken))).ToList();
            foreach (var (id, place) in stale)
            {
                await DeleteAsync(connection, transaction, id, cancellationToken);
                await AuditAsync(connection, transaction, now, ExpiredAction, id, new { place });
            }
            return stale.Count;
        }, cancellationToken);
    }

    /// <summary>A confirmed subscriber of a place: who, and since when (news older than that is not theirs).</summary>
    public sealed record Subscriber(long Id, string Email, DateTimeOffset ConfirmedAt);

    /// <summary>The places with a confirmed subscriber.</summary>
    public async Task<IReadOnlyList<string>> PlacesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT place_code FROM place_subscriptions WHERE confirmed_at IS NOT NULL ORDER BY place_code", cancellationToken: cancellationToken))];
    }

    /// <summary>The place's confirmed subscribers, read in the caller's transaction.</summary>
    public static async Task<IReadOnlyList<Subscriber>> SubscribersAsync(DbConnection connection, DbTransaction transaction, string placeCode,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(long Id, string Email, object ConfirmedAt)>(new CommandDefinition(
            "SELECT id, email, confirmed_at FROM place_subscriptions WHERE place_code = @placeCode AND confirmed_at IS NOT NULL ORDER BY id",
            new { placeCode }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Subscriber(r.Id, r.Email, SqlDialect.ReadTimestamp(r.ConfirmedAt)))];
    }

    /// <summary>Keeps the hash of a link's token for the subscription, in the caller's transaction.</summary>
    public static Task AddTokenAsync(DbConnection connection, DbTransaction transaction, StoreEngine engine, string token, long subscriptionId, string purpose,
        DateTimeOffset at, DateTimeOffset? expires, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO subscription_tokens (token_hash, subscription_id, purpose, created_at, expires_at)
            VALUES (@hash, @subscriptionId, @purpose, @at, @expires)
            """,
            new
            {
                hash = SubscriptionTokens.Hash(token), subscriptionId, purpose,
                at = SqlDialect.Timestamp(at, engine),
                expires = expires is { } e ? SqlDialect.Timestamp(e, engine) : null,
            }, transaction, cancellationToken: cancellationToken));

    private async Task<SubscriptionLink?> FindAsync(DbConnection connection, DbTransaction? transaction, string token, string purpose,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Place, object? ConfirmedAt)?>(new CommandDefinition(
            """
            SELECT s.id, s.place_code, s.confirmed_at FROM subscription_tokens t JOIN place_subscriptions s ON s.id = t.subscription_id
            WHERE t.token_hash = @hash AND t.purpose = @purpose AND (t.expires_at IS NULL OR t.expires_at > @now)
            """, new { hash = SubscriptionTokens.Hash(token), purpose, now = At(time.GetUtcNow()) }, transaction, cancellationToken: cancellationToken));
        return row is { } r ? new SubscriptionLink(r.Id, r.Place, r.ConfirmedAt is not null) : null;
    }

    private static async Task DeleteAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken)
    {
        // The tokens first, then the row: no reliance on the engine's cascade.
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM subscription_tokens WHERE subscription_id = @id", new { id }, transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM place_subscriptions WHERE id = @id", new { id }, transaction,
            cancellationToken: cancellationToken));
    }

    private Task AuditAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset at, string action, long id, object detail) =>
        AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, ResidentSubmissionStore.ResidentActor, action, Subject(id), AuditLog.Detail(detail)),
            database.Engine, CancellationToken.None);

    private object At(DateTimeOffset at) => SqlDialect.Timestamp(at, database.Engine);
}
