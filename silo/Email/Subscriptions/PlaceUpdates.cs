using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email.Subscriptions;

/// <summary>
/// The daily run that emails residents a place's new figures: for each place with a confirmed subscriber, the news
/// that became public since the place's mark (<c>place_update_marks</c>), worded as the place page's "what changed"
/// (<see cref="WhatChanged.BetweenAsync"/>, in the public's view: an email leaves the product, so nothing unpublished
/// is in one), one email to each subscriber with news since they confirmed. The emails and the moved mark commit
/// together; the mark moves by compare-and-set, and the emails' dedupe keys name the mark they start from, so a run
/// repeated after a crash, or by two nodes at once, writes each email once.
/// </summary>
public sealed class PlaceUpdates(
    PlaceSubscriptions subscriptions, WhatChanged whatChanged, DataViews views, ICatalogueReader catalogue, DailyEmailJobs jobs, Database database,
    EmailOptions options, TimeProvider time)
{
    public const string Job = "place_updates";

    /// <summary>
    /// How far behind now a run's window ends: a return being accepted as the run reads (stamped before the grain has
    /// it) lands in the next window, not in none.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    /// <summary>Runs today's emails if no node has; how many it wrote (0 when another node has the run).</summary>
    public async Task<int> RunAsync(string claimant, CancellationToken cancellationToken = default)
    {
        var today = time.Today();
        if (!await jobs.TryClaimAsync(Job, today, claimant, cancellationToken)) return 0;
        await subscriptions.DeleteUnconfirmedAsync(cancellationToken);
        var written = 0;
        foreach (var code in await subscriptions.PlacesAsync(cancellationToken))
            if (await catalogue.FindPlaceAsync(code, cancellationToken) is { } place)
                written += await WritePlaceAsync(place, cancellationToken);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await jobs.MarkDoneAsync(connection, transaction, Job, today, claimant, time.GetUtcNow(), cancellationToken);
            return 0;
        }, cancellationToken);
        return written;
    }

    private async Task<int> WritePlaceAsync(Place place, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Whole seconds: the mark is compared for equality, and PostgreSQL keeps microseconds where .NET keeps ticks.
        var to = TruncateToSecond(now - Settle);
        var mark = await MarkAsync(place.Code, cancellationToken);
        // A place's first run starts from its first subscriber's confirmation: nothing earlier was asked for.
        var from = mark ?? await FirstConfirmedAsync(place.Code, cancellationToken);
        if (from is not { } start || start >= to) return 0;
        var news = await whatChanged.BetweenAsync(views.Public(), place.Code, ValueFormat.Of, start, to, cancellationToken);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var moved = mark is { } old
                ? await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE place_update_marks SET through = @to WHERE place_code = @place AND through = @old",
                    new { to = At(to), place = place.Code, old = At(old) }, transaction, cancellationToken: cancellationToken))
                : await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO place_update_marks (place_code, through) VALUES (@place, @to) ON CONFLICT (place_code) DO NOTHING",
                    new { to = At(to), place = place.Code }, transaction, cancellationToken: cancellationToken));
            // Another run moved the mark first: it wrote this window's emails.
            if (moved == 0) return 0;
            var written = 0;
            foreach (var subscriber in await PlaceSubscriptions.SubscribersAsync(connection, transaction, place.Code, cancellationToken))
            {
                var theirs = news.Where(e => e.VisibleFrom >= subscriber.ConfirmedAt).ToList();
                if (theirs.Count == 0) continue;
                var token = SubscriptionTokens.New();
                var message = SubscriptionEmails.Updates(options, subscriber.Id, subscriber.Email, place, theirs, token,
                    $"place_updates:{place.Code}:{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}:subscription:{subscriber.Id}");
                if (!await OutboxWriter.AddAsync(connection, transaction, message, now, database.Engine, cancellationToken)) continue;
                // The link in this email works for as long as the subscription lasts.
                await PlaceSubscriptions.AddTokenAsync(connection, transaction, database.Engine, token, subscriber.Id, PlaceSubscriptions.UnsubscribePurpose,
                    now, null, cancellationToken);
                written++;
            }
            return written;
        }, cancellationToken);
    }

    private async Task<DateTimeOffset?> MarkAsync(string placeCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var through = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(
            "SELECT through FROM place_update_marks WHERE place_code = @placeCode", new { placeCode }, cancellationToken: cancellationToken));
        return through is null ? null : SqlDialect.ReadTimestamp(through);
    }

    private async Task<DateTimeOffset?> FirstConfirmedAsync(string placeCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var first = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(
            "SELECT MIN(confirmed_at) FROM place_subscriptions WHERE place_code = @placeCode AND confirmed_at IS NOT NULL",
            new { placeCode }, cancellationToken: cancellationToken));
        return first is null or DBNull ? null : TruncateToSecond(SqlDialect.ReadTimestamp(first));
    }

    private static DateTimeOffset TruncateToSecond(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, at.Offset);

    private object At(DateTimeOffset at) => SqlDialect.Timestamp(at, database.Engine);
}
