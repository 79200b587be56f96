using Scrutiny.Grains.Grains;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Verification;

/// <summary>
/// Recomputes every aggregate from what it is built from and lists each difference: the returns ledger's revisions,
/// places' latest values from their indicators' newest ledger rows, boards' statuses and pooled funds from their
/// append-only tables, and every applied batch's rows from the ledger. <c>silo verify</c> runs it after a crash or an
/// upgrade; the crash-round tests run it after every round. Read-only, in one snapshot of the store.
/// </summary>
public sealed class StoreVerifier(Database database, ICatalogueReader catalogue)
{
    public async Task<IReadOnlyList<Discrepancy>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var found = new List<Discrepancy>();
        await using var connection = await database.OpenAsync(cancellationToken);
        // One snapshot: a write landing between two reads must not show as a difference. SQLite's deferred transaction
        // takes its snapshot at the first read and, unlike its default, takes no write lock that would stall the node.
        await using var transaction = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

        var stored = await StoredStates.ReadAsync<IndicatorState>(connection, transaction, GrainStates.Indicator);
        var contributions = await LedgerContributions.ReadAllAsync(connection, transaction);
        // An indicator's state row holds only its settings, and one whose values all came in batches has none: its
        // contributions are its ledger rows either way.
        var indicators = stored.Keys.Union(contributions.Keys).ToDictionary(key => key, key =>
        {
            var state = stored.GetValueOrDefault(key) ?? new IndicatorState();
            state.Periods = contributions.GetValueOrDefault(key) ?? [];
            return state;
        }, StringComparer.Ordinal);
        var places = await StoredStates.ReadAsync<PlaceState>(connection, transaction, GrainStates.Place);
        var boards = await StoredStates.ReadAsync<BoardState>(connection, transaction, GrainStates.PartnershipBoard);
        var definitions = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);

        await LedgerChecks.CheckAsync(connection, transaction, found);
        PlaceChecks.Check(indicators, places, definitions, found);
        await BoardChecks.CheckAsync(connection, transaction, boards, found);
        return found;
    }
}
